import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import type { Tx } from '../shared/idempotency';
import { enqueueOutbox } from '../shared/outbox';
import { lockBookingThenPayment } from './lock-order';
import type { PaymentProvider } from './provider';

export type RefundReason =
  'customer_cancellation' | 'staff' | 'late_payment' | 'occurrence_cancelled' | 'dispute';

/**
 * Records a refund to make, in the transaction of the change that calls for it. The
 * idempotency key makes the same cause refund once; the provider is asked after commit.
 * The refund row comes after its booking and payment in the lock order.
 */
export async function createRefund(
  tx: Tx,
  refund: {
    orgId: string;
    bookingId: string;
    paymentId: string;
    amount: number;
    currency: string;
    reason: RefundReason;
    idempotencyKey: string;
    requestedBy?: string | null;
  },
): Promise<string> {
  await lockBookingThenPayment(tx, refund.paymentId);
  const row = await tx
    .insertInto('refunds')
    .values({ ...refund, requestedBy: refund.requestedBy ?? null })
    .onConflict((oc) => oc.columns(['bookingId', 'idempotencyKey']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return row.id;
  return (
    await tx
      .selectFrom('refunds')
      .select('id')
      .where('bookingId', '=', refund.bookingId)
      .where('idempotencyKey', '=', refund.idempotencyKey)
      .executeTakeFirstOrThrow()
  ).id;
}

/** The payment a refund goes back through: the booking's latest successful one. */
export async function refundablePayment(tx: Tx, bookingId: string): Promise<{ id: string }> {
  return tx
    .selectFrom('payments')
    .select('id')
    .where('bookingId', '=', bookingId)
    .where('status', '=', 'succeeded')
    .orderBy('createdAt', 'desc')
    .executeTakeFirstOrThrow();
}

/**
 * Applies a refund the provider confirmed: amounts on the payment and booking add up, once.
 * Locks the booking and payment before the refund (the lock order): the `charge.refunded`
 * webhook holds them when it completes the refund, while the provider's own answer
 * completes the same refund; taking the refund first deadlocked.
 */
export async function completeRefund(
  tx: Tx,
  refundId: string,
  providerRef: string | null,
): Promise<void> {
  const { paymentId } = await tx
    .selectFrom('refunds')
    .select('paymentId')
    .where('id', '=', refundId)
    .executeTakeFirstOrThrow();
  await lockBookingThenPayment(tx, paymentId);
  const refund = await tx
    .updateTable('refunds')
    .set({ status: 'succeeded', providerRef, completedAt: sql<Date>`now()` })
    .where('id', '=', refundId)
    .where('status', '<>', 'succeeded')
    .returning(['orgId', 'amount', 'currency', 'reason', 'paymentId', 'bookingId'])
    .executeTakeFirst();
  if (!refund) return;
  await tx
    .updateTable('payments')
    .set((eb) => ({
      refundedAmount: eb('refundedAmount', '+', refund.amount),
      updatedAt: sql<Date>`now()`,
    }))
    .where('id', '=', refund.paymentId)
    .execute();
  const booking = await tx
    .updateTable('bookings')
    .set((eb) => ({
      refundedAmount: eb('refundedAmount', '+', refund.amount),
      updatedAt: sql<Date>`now()`,
    }))
    .where('id', '=', refund.bookingId)
    .returning(['status', 'paidAmount', 'refundedAmount', 'reference'])
    .executeTakeFirstOrThrow();
  // The late-payment email already says the money was refunded.
  if (refund.reason !== 'late_payment')
    await enqueueOutbox(tx, [
      {
        orgId: refund.orgId,
        aggregateType: 'booking',
        aggregateId: refund.bookingId,
        eventType: 'booking.refunded',
        payload: {
          reference: booking.reference,
          refundAmount: refund.amount,
          currency: refund.currency,
        },
      },
    ]);
  // A booking that is over (cancelled, or never confirmed) and fully paid back reads "refunded".
  if (booking.status !== 'confirmed' && booking.refundedAmount >= booking.paidAmount) {
    await tx
      .updateTable('bookings')
      .set({ status: 'refunded' })
      .where('id', '=', refund.bookingId)
      .execute();
  }
}

/** Asks the provider to pay back, outside any transaction, and records its answer. */
export async function sendRefund(
  db: Db,
  refundId: string,
  provider: PaymentProvider,
): Promise<void> {
  const refund = await db
    .selectFrom('refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.paymentId')
    .select([
      'r.id',
      'r.amount',
      'r.currency',
      'r.status',
      'r.providerRef',
      'p.providerPaymentIntent',
      'p.provider',
    ])
    .where('r.id', '=', refundId)
    .executeTakeFirstOrThrow();
  if (refund.provider !== provider.name || refund.status !== 'pending' || refund.providerRef)
    return;
  const answer = await provider.refund({
    refundId: refund.id,
    paymentProviderRef: refund.providerPaymentIntent,
    amount: refund.amount,
    currency: refund.currency,
  });
  await db.transaction().execute(async (tx) => {
    if (answer.status === 'succeeded') await completeRefund(tx, refund.id, answer.providerRef);
    else
      await tx
        .updateTable('refunds')
        .set({ providerRef: answer.providerRef })
        .where('id', '=', refund.id)
        .execute();
  });
}
