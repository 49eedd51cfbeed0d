'use server';

import { MoveBookingInput } from '@tessera/api/domain/booking-desk/schemas';
import { formText, formatMoney } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { RowActionState } from '~/components/row-action';
import { serverApi } from '~/trpc/server';

/** `<prefix><bookingItemId>` fields with a value: the lines that move and what they move to. */
function chosen(form: FormData, prefix: string) {
  return [...form.entries()].flatMap(([name, value]) =>
    name.startsWith(prefix) && typeof value === 'string' && value
      ? [{ bookingItemId: name.slice(prefix.length), value }]
      : [],
  );
}

/**
 * Moves the seats given a new one (`seat:<bookingItemId>` fields; the others stay), the
 * ticket lines to the chosen types (`ticket:<bookingItemId>` fields) on the chosen date, or
 * an appointment to the chosen `start` on `resourceId`.
 */
export async function moveBooking(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const target = {
    reference: formText(form, 'reference'),
    occurrenceId: formText(form, 'occurrenceId'),
  };
  const kind = formText(form, 'kind');
  const input = MoveBookingInput.safeParse(
    kind === 'slot'
      ? {
          reference: target.reference,
          kind,
          start: formText(form, 'start') ? new Date(formText(form, 'start')) : undefined,
          resourceId: formText(form, 'resourceId') || undefined,
        }
      : kind === 'tickets'
        ? {
            ...target,
            kind: 'tickets',
            tickets: chosen(form, 'ticket:').map(({ bookingItemId, value }) => ({
              bookingItemId,
              ticketTypeId: value,
            })),
          }
        : {
            ...target,
            kind: 'seats',
            seats: chosen(form, 'seat:').map(({ bookingItemId, value }) => ({
              bookingItemId,
              seatId: value,
            })),
          },
  );
  if (!input.success)
    return {
      outcome: 'refused',
      message: input.error.issues.map((issue) => issue.message).join(' '),
    };
  try {
    const moved = await (await serverApi()).staff.bookings.move(input.data);
    revalidatePath(`/bookings/${input.data.reference}`);
    revalidatePath(`/bookings/${input.data.reference}/move`);
    revalidatePath(`/bookings/${input.data.reference}/move-time`);
    const difference = moved.priceDifference;
    const money = formatMoney({ ...difference, amount: Math.abs(difference.amount) });
    return {
      outcome: 'done',
      message: moved.linkEmailed
        ? `Moved. The booking costs ${money} ${difference.amount < 0 ? 'less' : 'more'}: the payment link for its new total was emailed to the customer.`
        : difference.amount > 0
          ? `Moved. The customer owes ${money}: send the payment link or mark it paid.`
          : moved.refundId
            ? `Moved. ${money} is refunded to the customer.`
            : difference.amount < 0
              ? `Moved. The booking costs ${money} less.`
              : 'Moved at the same price. The customer was emailed.',
    };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
}
