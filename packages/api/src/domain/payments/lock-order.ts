import type { Tx } from '../shared/idempotency';

/**
 * Locks a payment and its booking in the one order every money path takes: booking, then
 * payment, then refund. Cancellations, moves and staff refunds lock the booking and then
 * insert refunds (which key-share-lock the payment); webhooks, mark-paid and refund
 * completion used to lock the payment first and then update the booking: a deadlock.
 * Taking a lock already held in the transaction is free, so callers may repeat it.
 */
export async function lockBookingThenPayment(tx: Tx, paymentId: string): Promise<void> {
  await tx
    .selectFrom('bookings')
    .select('id')
    .where('id', '=', (eb) =>
      eb.selectFrom('payments').select('bookingId').where('id', '=', paymentId),
    )
    .forUpdate()
    .execute();
  await tx.selectFrom('payments').select('id').where('id', '=', paymentId).forUpdate().execute();
}
