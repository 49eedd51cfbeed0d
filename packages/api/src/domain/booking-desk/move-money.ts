import { randomUUID } from 'node:crypto';
import { createRefund, refundablePayment } from '../payments/refunds';
import type { Tx } from '../shared/idempotency';

export interface MovedBookingMoney {
  id: string;
  orgId: string;
  currency: string;
  paidAmount: number;
  refundedAmount: number;
}

/**
 * Settles what a move changed in the price, so that paid - refunded keeps matching the total:
 * a balance still owed from an earlier move is netted first (its payment is cancelled and
 * replaced), then a cheaper move refunds what was paid over the new total and a dearer one
 * leaves a pending payment of the difference (paid by link, or marked paid at the desk).
 */
export async function settleMoveDifference(
  tx: Tx,
  booking: MovedBookingMoney,
  difference: number,
  deps: { providerName: 'stripe' | 'offline'; requestedBy: string | null },
): Promise<{ refundId: string | null; paymentId: string | null }> {
  const owed = await tx
    .updateTable('payments')
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where('bookingId', '=', booking.id)
    .where('status', '=', 'pending')
    .returning(['amount', 'provider'])
    .execute();
  const balance = difference + owed.reduce((sum, payment) => sum + payment.amount, 0);

  if (balance > 0) {
    const lastPaid = await tx
      .selectFrom('payments')
      .select('provider')
      .where('bookingId', '=', booking.id)
      .where('status', '=', 'succeeded')
      .orderBy('createdAt', 'desc')
      .executeTakeFirst();
    // Owed money is asked for the way the customer paid before (a card, or at the venue).
    const provider = owed[0]?.provider ?? lastPaid?.provider ?? deps.providerName;
    const payment = await tx
      .insertInto('payments')
      .values({
        orgId: booking.orgId,
        bookingId: booking.id,
        provider,
        amount: balance,
        currency: booking.currency,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { refundId: null, paymentId: payment.id };
  }

  const pendingRefunds = await tx
    .selectFrom('refunds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount'), eb.val('0')).as('total'))
    .where('bookingId', '=', booking.id)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  const refundable = booking.paidAmount - booking.refundedAmount - Number(pendingRefunds.total);
  const amount = Math.min(-balance, refundable);
  if (amount <= 0) return { refundId: null, paymentId: null };
  const payment = await refundablePayment(tx, booking.id);
  const refundId = await createRefund(tx, {
    orgId: booking.orgId,
    bookingId: booking.id,
    paymentId: payment.id,
    amount,
    currency: booking.currency,
    reason: 'staff',
    // Each move is its own cause: a later move may refund again.
    idempotencyKey: `move:${randomUUID()}`,
    requestedBy: deps.requestedBy,
  });
  return { refundId, paymentId: null };
}
