import { sql } from 'kysely';
import { reclaimInventoryOfHold } from '../inventory/reclaim';
import { lockBookingThenPayment } from '../payments/lock-order';
import { createRefund } from '../payments/refunds';
import type { Tx } from '../shared/idempotency';
import { enqueueOutbox } from '../shared/outbox';
import { confirmBooking, sellInventoryOfHold } from './fulfil';

export type SettleOutcome = 'confirmed' | 'already_settled' | 'refund_due';

/**
 * Records a payment as received and confirms its booking, exactly once however many times
 * it is called (a webhook delivered twice, staff clicking twice, events out of order).
 * A payment that arrives after its booking lost its places takes them back if they are
 * still free; otherwise it is refunded automatically and the customer is told (invariant 3).
 */
export async function settlePayment(
  tx: Tx,
  settle: { paymentId: string; amount: number; providerPaymentIntent?: string | null },
): Promise<{ outcome: SettleOutcome; refundId: string | null }> {
  await lockBookingThenPayment(tx, settle.paymentId);
  const payment = await tx
    .updateTable('payments')
    .set((eb) => ({
      status: 'succeeded',
      succeededAt: sql<Date>`now()`,
      updatedAt: sql<Date>`now()`,
      providerPaymentIntent: eb.fn.coalesce(
        eb.val(settle.providerPaymentIntent ?? null),
        eb.ref('providerPaymentIntent'),
      ),
    }))
    .where('id', '=', settle.paymentId)
    .where('status', '<>', 'succeeded')
    .returning(['id', 'bookingId', 'currency'])
    .executeTakeFirst();
  if (!payment) return { outcome: 'already_settled', refundId: null };
  const booking = await tx
    .updateTable('bookings')
    .set((eb) => ({
      paidAmount: eb('paidAmount', '+', settle.amount),
      updatedAt: sql<Date>`now()`,
    }))
    .where('id', '=', payment.bookingId)
    .returning(['id', 'orgId', 'holdId', 'status', 'reference', 'contactEmail'])
    .executeTakeFirstOrThrow();
  // The customer's receipt, for money that stays (a late payment is refunded and told so).
  const receipt = {
    orgId: booking.orgId,
    aggregateType: 'booking' as const,
    aggregateId: booking.id,
    eventType: 'booking.payment_received' as const,
    payload: { reference: booking.reference, amount: settle.amount, currency: payment.currency },
  };
  if (booking.status === 'confirmed') {
    await enqueueOutbox(tx, [receipt]);
    return { outcome: 'already_settled', refundId: null };
  }

  const open = booking.status === 'pending_payment' || booking.status === 'expired';
  if (open && booking.holdId) {
    const sold =
      (await sellInventoryOfHold(tx, booking.holdId, booking.id)) ||
      ((await reclaimInventoryOfHold(tx, booking.holdId)) &&
        (await sellInventoryOfHold(tx, booking.holdId, booking.id)));
    if (sold) {
      await tx
        .updateTable('bookings')
        .set({ status: 'pending_payment' })
        .where('id', '=', booking.id)
        .where('status', '=', 'expired')
        .execute();
      await confirmBooking(tx, booking.id);
      // The confirmation tells the customer of this payment: its receipt is for webhooks only.
      await enqueueOutbox(tx, [
        { ...receipt, payload: { ...receipt.payload, confirmedBooking: true } },
      ]);
      return { outcome: 'confirmed', refundId: null };
    }
  }

  // Nothing to sell any more (places taken, or the booking was cancelled): give the money back.
  const refundId = await createRefund(tx, {
    orgId: booking.orgId,
    bookingId: booking.id,
    paymentId: payment.id,
    amount: settle.amount,
    currency: payment.currency,
    reason: 'late_payment',
    idempotencyKey: `late:${payment.id}`,
  });
  await tx
    .updateTable('bookings')
    .set({
      status: open ? 'expired' : booking.status,
      attentionReason: 'Paid after its places were no longer available: refunded automatically',
    })
    .where('id', '=', booking.id)
    .execute();
  await enqueueOutbox(tx, [
    {
      orgId: booking.orgId,
      aggregateType: 'booking',
      aggregateId: booking.id,
      eventType: 'booking.late_payment_refunded',
      payload: {
        reference: booking.reference,
        email: booking.contactEmail,
        amount: settle.amount,
        currency: payment.currency,
      },
    },
  ]);
  return { outcome: 'refund_due', refundId };
}
