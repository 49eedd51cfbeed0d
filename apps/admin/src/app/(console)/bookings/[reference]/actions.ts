'use server';

import {
  AddNoteInput,
  ReferenceInput,
  StaffCancelInput,
} from '@tessera/api/domain/booking-desk/schemas';
import { formText, formatMoney } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { RowActionState } from '~/components/row-action';
import { minorUnits } from '~/lib/money';
import { serverApi } from '~/trpc/server';

type Outcome = Promise<RowActionState>;

/** Runs a staff call, refreshes the booking page, and words the outcome. */
async function act(reference: string, call: () => Promise<string>): Outcome {
  try {
    const message = await call();
    revalidatePath(`/bookings/${reference}`);
    return { outcome: 'done', message };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
}

export async function refundBooking(_previous: RowActionState, form: FormData): Outcome {
  const reference = formText(form, 'reference');
  const amount = minorUnits(formText(form, 'amount'), formText(form, 'currency'));
  if (amount === null || amount <= 0)
    return { outcome: 'refused', message: 'Enter the amount to refund, such as 12.50.' };
  return act(reference, async () => {
    const refund = await (
      await serverApi()
    ).staff.refunds.create({
      reference,
      amount,
      idempotencyKey: formText(form, 'idempotencyKey'),
    });
    return `Refund of ${formatMoney({ amount: refund.amount, currency: formText(form, 'currency') })} requested.`;
  });
}

export async function cancelBooking(_previous: RowActionState, form: FormData): Outcome {
  const currency = formText(form, 'currency');
  const custom = formText(form, 'refund') === 'custom';
  const refundAmount = custom ? minorUnits(formText(form, 'refundAmount'), currency) : undefined;
  if (refundAmount === null)
    return { outcome: 'refused', message: 'Enter the amount to refund, such as 12.50 (or 0).' };
  const input = StaffCancelInput.safeParse({
    reference: formText(form, 'reference'),
    refundAmount,
    reason: formText(form, 'reason') || undefined,
  });
  if (!input.success)
    return {
      outcome: 'refused',
      message: input.error.issues.map((issue) => issue.message).join(' '),
    };
  return act(input.data.reference, async () => {
    await (await serverApi()).staff.bookings.cancel(input.data);
    return 'Cancelled.';
  });
}

export async function resendConfirmation(_previous: RowActionState, form: FormData): Outcome {
  const input = ReferenceInput.safeParse({ reference: formText(form, 'reference') });
  if (!input.success)
    return { outcome: 'refused', message: 'This booking reference is not valid.' };
  return act(input.data.reference, async () => {
    const { recipient } = await (await serverApi()).staff.bookings.resendConfirmation(input.data);
    return `Confirmation sent again to ${recipient}.`;
  });
}

export async function resendPaymentLink(_previous: RowActionState, form: FormData): Outcome {
  const input = ReferenceInput.safeParse({ reference: formText(form, 'reference') });
  if (!input.success)
    return { outcome: 'refused', message: 'This booking reference is not valid.' };
  return act(input.data.reference, async () => {
    const { recipient } = await (await serverApi()).staff.bookings.resendPaymentLink(input.data);
    return `Payment link sent to ${recipient}.`;
  });
}

export async function markPaid(_previous: RowActionState, form: FormData): Outcome {
  const input = ReferenceInput.safeParse({ reference: formText(form, 'reference') });
  if (!input.success)
    return { outcome: 'refused', message: 'This booking reference is not valid.' };
  return act(input.data.reference, async () => {
    const { outcome } = await (await serverApi()).staff.bookings.markPaid(input.data);
    return outcome === 'confirmed' ? 'Marked paid: the booking is confirmed.' : 'Already settled.';
  });
}

export async function addNote(_previous: RowActionState, form: FormData): Outcome {
  const input = AddNoteInput.safeParse({
    reference: formText(form, 'reference'),
    note: formText(form, 'note'),
  });
  if (!input.success)
    return {
      outcome: 'refused',
      message: input.error.issues.map((issue) => issue.message).join(' '),
    };
  return act(input.data.reference, async () => {
    await (await serverApi()).staff.bookings.addNote(input.data);
    return 'Note added.';
  });
}
