import type Stripe from 'stripe';
import { sql } from 'kysely';
import { releaseInventoryOfHold } from '../../inventory/release';
import { returnPromo } from '../../bookings/promo';
import { settlePayment } from '../../bookings/settle';
import type { Tx } from '../../shared/idempotency';
import { enqueueOutbox } from '../../shared/outbox';
import { lockBookingThenPayment } from '../lock-order';
import { completeRefund, createRefund } from '../refunds';

/** What a handled event leaves to do after commit: refunds to send, screens to update. */
export interface EventEffects {
  orgId: string | null;
  refundIds: string[];
  inventoryChangedOn: string | null | undefined;
}

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null);

/** The payment an event is about, with its booking and payment locked (see lock-order). */
async function paymentBy(
  tx: Tx,
  where: { sessionId?: string; paymentIntent?: string | null; paymentId?: string },
) {
  let find = tx.selectFrom('payments').select('id').where('provider', '=', 'stripe');
  if (where.sessionId) find = find.where('providerRef', '=', where.sessionId);
  else if (where.paymentId) find = find.where('id', '=', where.paymentId);
  else if (where.paymentIntent)
    find = find.where('providerPaymentIntent', '=', where.paymentIntent);
  else return undefined;
  const found = await find.executeTakeFirst();
  if (!found) return undefined;
  await lockBookingThenPayment(tx, found.id);
  // Read under the locks: a concurrent change committed while this waited is seen.
  return tx
    .selectFrom('payments as p')
    .innerJoin('bookings as b', 'b.id', 'p.bookingId')
    .select([
      'p.id',
      'p.orgId',
      'p.amount',
      'p.currency',
      'p.status',
      'p.refundedAmount',
      'b.id as bookingId',
      'b.reference',
      'b.occurrenceId',
    ])
    .where('p.id', '=', found.id)
    .executeTakeFirstOrThrow();
}

async function flag(
  tx: Tx,
  payment: { orgId: string; bookingId: string; reference: string },
  reason: string,
) {
  await tx
    .updateTable('bookings')
    .set({ attentionReason: reason, updatedAt: sql<Date>`now()` })
    .where('id', '=', payment.bookingId)
    .execute();
  await enqueueOutbox(tx, [
    {
      orgId: payment.orgId,
      aggregateType: 'booking',
      aggregateId: payment.bookingId,
      eventType: 'booking.attention',
      payload: { reference: payment.reference, reason },
    },
  ]);
}

export async function sessionCompleted(
  tx: Tx,
  session: Stripe.Checkout.Session,
): Promise<EventEffects | null> {
  if (session.payment_status !== 'paid') return null; // async methods settle later
  const payment =
    (await paymentBy(tx, { sessionId: session.id })) ??
    (await paymentBy(tx, { paymentId: session.metadata?.paymentId }));
  if (!payment) return null;
  const paidCurrency = session.currency?.toUpperCase();
  if (session.amount_total !== payment.amount || paidCurrency !== payment.currency) {
    // Never confirm on a mismatch: a person looks at it.
    await tx
      .updateTable('payments')
      .set({
        failureReason: `Stripe reported ${session.amount_total ?? '?'} ${paidCurrency ?? '?'}`,
      })
      .where('id', '=', payment.id)
      .execute();
    await flag(
      tx,
      payment,
      `Paid ${session.amount_total ?? '?'} ${paidCurrency ?? '?'} but the booking is ${payment.amount} ${payment.currency}`,
    );
    return { orgId: payment.orgId, refundIds: [], inventoryChangedOn: null };
  }
  const { outcome, refundId } = await settlePayment(tx, {
    paymentId: payment.id,
    amount: payment.amount,
    providerPaymentIntent: idOf(session.payment_intent),
  });
  return {
    orgId: payment.orgId,
    refundIds: refundId ? [refundId] : [],
    inventoryChangedOn: outcome === 'confirmed' ? payment.occurrenceId : null,
  };
}

export async function sessionExpired(
  tx: Tx,
  session: Stripe.Checkout.Session,
): Promise<EventEffects | null> {
  const payment = await paymentBy(tx, { sessionId: session.id });
  if (payment?.status !== 'pending') return null; // paid meanwhile, or already expired
  await tx
    .updateTable('payments')
    .set({ status: 'expired', updatedAt: sql<Date>`now()` })
    .where('id', '=', payment.id)
    .execute();
  const booking = await tx
    .updateTable('bookings')
    .set({ status: 'expired', updatedAt: sql<Date>`now()` })
    .where('id', '=', payment.bookingId)
    .where('status', '=', 'pending_payment')
    .returning(['holdId', 'promoCodeId', 'contactEmail'])
    .executeTakeFirst();
  if (!booking) return null;
  if (booking.holdId) await releaseInventoryOfHold(tx, booking.holdId);
  if (booking.promoCodeId) await returnPromo(tx, booking.promoCodeId);
  await enqueueOutbox(tx, [
    {
      orgId: payment.orgId,
      aggregateType: 'booking',
      aggregateId: payment.bookingId,
      eventType: 'booking.expired',
      payload: { reference: payment.reference, email: booking.contactEmail },
    },
  ]);
  return { orgId: payment.orgId, refundIds: [], inventoryChangedOn: payment.occurrenceId };
}

export async function paymentFailed(
  tx: Tx,
  intent: Stripe.PaymentIntent,
): Promise<EventEffects | null> {
  const payment =
    (await paymentBy(tx, { paymentId: intent.metadata.paymentId })) ??
    (await paymentBy(tx, { paymentIntent: intent.id }));
  if (payment?.status !== 'pending') return null;
  const reason = intent.last_payment_error?.message ?? 'The payment failed';
  await tx
    .updateTable('payments')
    .set({ failureReason: reason, updatedAt: sql<Date>`now()` })
    .where('id', '=', payment.id)
    .execute();
  // The session stays open: the customer can try another card until it expires.
  await enqueueOutbox(tx, [
    {
      orgId: payment.orgId,
      aggregateType: 'booking',
      aggregateId: payment.bookingId,
      eventType: 'booking.payment_failed',
      payload: { reference: payment.reference, reason },
    },
  ]);
  return { orgId: payment.orgId, refundIds: [], inventoryChangedOn: null };
}

/**
 * Refunds add up from the charge's cumulative `amount_refunded`: our pending refunds
 * complete oldest first, and money returned outside Tessera (the Stripe dashboard) is
 * recorded as a staff refund, so paid and refunded amounts always agree with Stripe.
 */
export async function chargeRefunded(tx: Tx, charge: Stripe.Charge): Promise<EventEffects | null> {
  const payment = await paymentBy(tx, { paymentIntent: idOf(charge.payment_intent) });
  if (!payment) return null;
  let unaccounted = charge.amount_refunded - payment.refundedAmount;
  const pending = await tx
    .selectFrom('refunds')
    .select(['id', 'amount', 'providerRef'])
    .where('paymentId', '=', payment.id)
    .where('status', '=', 'pending')
    .orderBy('createdAt')
    .execute();
  for (const refund of pending) {
    if (refund.amount > unaccounted) break;
    await completeRefund(tx, refund.id, refund.providerRef);
    unaccounted -= refund.amount;
  }
  if (unaccounted > 0) {
    const refundId = await createRefund(tx, {
      orgId: payment.orgId,
      bookingId: payment.bookingId,
      paymentId: payment.id,
      amount: unaccounted,
      currency: payment.currency,
      reason: 'staff',
      idempotencyKey: `stripe:${charge.id}:${charge.amount_refunded}`,
    });
    await completeRefund(tx, refundId, null);
  }
  return { orgId: payment.orgId, refundIds: [], inventoryChangedOn: null };
}

export async function disputeCreated(
  tx: Tx,
  dispute: Stripe.Dispute,
): Promise<EventEffects | null> {
  const payment = await paymentBy(tx, { paymentIntent: idOf(dispute.payment_intent) });
  if (!payment) return null;
  await flag(
    tx,
    payment,
    `Payment disputed (${dispute.reason}): respond in Stripe before ${new Date((dispute.evidence_details?.due_by ?? 0) * 1000).toISOString().slice(0, 10)}`,
  );
  return { orgId: payment.orgId, refundIds: [], inventoryChangedOn: null };
}
