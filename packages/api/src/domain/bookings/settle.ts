import { sql } from 'kysely';
import type { Tx } from '../shared/idempotency';
import { confirmBooking, sellInventoryOfHold } from './fulfil';

export type SettleOutcome = 'confirmed' | 'already_settled' | 'inventory_lost';

/**
 * Records a payment as received and confirms its booking, exactly once whatever the number
 * of calls (a webhook delivered twice, staff clicking twice). When the booking's inventory
 * was lost meanwhile (its deadline passed and someone else took it), the booking is flagged
 * for staff instead of confirmed; the payments issue refunds it.
 */
export async function settlePayment(tx: Tx, paymentId: string, amount: number): Promise<SettleOutcome> {
  const payment = await tx
    .updateTable('payments')
    .set({ status: 'succeeded', succeededAt: sql<Date>`now()`, updatedAt: sql<Date>`now()` })
    .where('id', '=', paymentId)
    .where('status', '=', 'pending')
    .returning(['id', 'bookingId'])
    .executeTakeFirst();
  if (!payment) return 'already_settled';
  const booking = await tx
    .updateTable('bookings')
    .set((eb) => ({ paidAmount: eb('paidAmount', '+', amount), updatedAt: sql<Date>`now()` }))
    .where('id', '=', payment.bookingId)
    .returning(['id', 'holdId', 'status'])
    .executeTakeFirstOrThrow();
  if (booking.status !== 'pending_payment' || !booking.holdId) return 'already_settled';
  if (!(await sellInventoryOfHold(tx, booking.holdId, booking.id))) {
    await tx.updateTable('bookings').set({ attentionReason: 'Paid after its places were released' }).where('id', '=', booking.id).execute();
    return 'inventory_lost';
  }
  await confirmBooking(tx, booking.id);
  return 'confirmed';
}
