'use server';

import { MoveBookingInput } from '@tessera/api/domain/booking-desk/schemas';
import { formText, formatMoney } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { RowActionState } from '~/components/row-action';
import { serverApi } from '~/trpc/server';

/** Moves the seats given a new one (`seat:<bookingItemId>` fields); the others stay. */
export async function moveBooking(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const seats = [...form.entries()].flatMap(([name, value]) =>
    name.startsWith('seat:') && typeof value === 'string' && value
      ? [{ bookingItemId: name.slice('seat:'.length), seatId: value }]
      : [],
  );
  const input = MoveBookingInput.safeParse({
    reference: formText(form, 'reference'),
    occurrenceId: formText(form, 'occurrenceId'),
    seats,
  });
  if (!input.success)
    return {
      outcome: 'refused',
      message: input.error.issues.map((issue) => issue.message).join(' '),
    };
  try {
    const moved = await (await serverApi()).staff.bookings.move(input.data);
    revalidatePath(`/bookings/${input.data.reference}`);
    revalidatePath(`/bookings/${input.data.reference}/move`);
    const difference = moved.priceDifference;
    const money = formatMoney({ ...difference, amount: Math.abs(difference.amount) });
    return {
      outcome: 'done',
      message:
        difference.amount > 0
          ? `Moved. The customer owes ${money}: send the payment link or mark it paid.`
          : difference.amount < 0
            ? `Moved. ${money} is refunded to the customer.`
            : 'Moved at the same price. New tickets were issued and emailed.',
    };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
}
