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
 * So is one made through a link that a newer one replaced (a reissue, a repriced booking):
 * the provider's page stays payable, but that money is not owed.
 */
export async function settlePayment(
  tx: Tx,
  settle: { paymentId: string; amount: number; providerPaymentIntent?: string | null },
): Promise<{ outcome: SettleOutcome; refundId: string | null }> {
  await lockBookingThenPayment(tx, settle.paymentId);
  const { status: before } = await tx
    .selectFrom('payments')
    .select('status')
    .where('id', '=', settle.paymentId)
    .executeTakeFirstOrThrow();
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
  // Cancelled with its booking still live: replaced by a newer link (a cancelled booking's
  // payment is a late one, below).
  const superseded =
    before === 'cancelled' &&
    (booking.status === 'confirmed' || booking.status === 'pending_payment');
  if (booking.status === 'confirmed' && !superseded) {
    await enqueueOutbox(tx, [receipt]);
    return { outcome: 'already_settled', refundId: null };
  }

  const open = booking.status === 'pending_payment' || booking.status === 'expired';
  if (open && !superseded && booking.holdId) {
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

  // Nothing to sell any more (places taken, the booking cancelled, the link replaced): give
  // the money back.
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
      status: open && !superseded ? 'expired' : booking.status,
      attentionReason: superseded
        ? 'Paid through a payment link that a newer one replaced: refunded automatically'
        : 'Paid after its places were no longer available: refunded automatically',
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
        ...(superseded ? { reason: 'superseded' } : {}),
      },
    },
  ]);
  return { outcome: 'refund_due', refundId };
}
