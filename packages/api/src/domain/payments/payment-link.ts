import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import type { Tx } from '../shared/idempotency';
import { enqueueOutbox } from '../shared/outbox';
import { lockBookingThenPayment } from './lock-order';
import type { PaymentProvider } from './provider';
import { startPayment } from './start';

/**
 * The link staff send a customer to pay a booking waiting for payment (a phone sale, a
 * customer who lost the page, or the balance of a move to dearer places): the same Checkout
 * Session the site would open.
 */
export async function paymentLink(
  db: Db,
  reference: string,
  staff: StaffMember,
  provider: PaymentProvider,
) {
  const payment = await pendingPaymentOf(db, reference, staff.orgId);
  return linkOf(await startPayment(db, payment.id, provider));
}

/**
 * Staff send the payment link again. A balance's link is reissued: a new payment of the same
 * amount replaces the pending one, so the provider opens a new session with a fresh deadline.
 * A booking waiting for payment keeps its session, whose deadline is the booking's own (its
 * places are held until then). Either way the email goes out again, audited.
 */
export async function resendPaymentLink(
  db: Db,
  reference: string,
  staff: StaffMember,
  deps: { provider: PaymentProvider; requestId: string },
): Promise<{ url: string; dueAt: Date | null; recipient: string }> {
  const paymentId = await db.transaction().execute(async (tx) => {
    const payment = await pendingPaymentOf(tx, reference, staff.orgId);
    // The house lock order (booking, then payment): a webhook paying it waits, or wins first.
    await lockBookingThenPayment(tx, payment.id);
    const { status } = await tx
      .selectFrom('payments')
      .select('status')
      .where('id', '=', payment.id)
      .executeTakeFirstOrThrow();
    if (status !== 'pending') throw new AppError('CONFLICT', 'This payment was just settled.');
    if (payment.provider === 'offline') throw paidAtVenue();
    if (payment.bookingStatus !== 'confirmed' || payment.providerRef === null) return payment.id;
    await tx
      .updateTable('payments')
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where('id', '=', payment.id)
      .execute();
    const reissued = await tx
      .insertInto('payments')
      .values({
        orgId: payment.orgId,
        bookingId: payment.bookingId,
        provider: payment.provider,
        amount: payment.amount,
        currency: payment.currency,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return reissued.id;
  });
  return emailPaymentLink(db, paymentId, staff, deps);
}

/**
 * Opens the payment's link with the provider (outside any transaction), then queues the
 * email with it under a new outbox event (so a new dedupe key: it really goes out again)
 * and audits it. A confirmed booking's email asks for the balance, not the total.
 */
export async function emailPaymentLink(
  db: Db,
  paymentId: string,
  staff: StaffMember,
  deps: { provider: PaymentProvider; requestId: string },
): Promise<{ url: string; dueAt: Date | null; recipient: string }> {
  const link = linkOf(await startPayment(db, paymentId, deps.provider));
  const payment = await db
    .selectFrom('payments as p')
    .innerJoin('bookings as b', 'b.id', 'p.bookingId')
    .select(['p.amount', 'b.id as bookingId', 'b.status', 'b.contactEmail'])
    .where('p.id', '=', paymentId)
    .executeTakeFirstOrThrow();
  const balanceAmount = payment.status === 'confirmed' ? payment.amount : null;
  await db.transaction().execute(async (tx) => {
    await enqueueOutbox(tx, [
      {
        orgId: staff.orgId,
        aggregateType: 'booking',
        aggregateId: payment.bookingId,
        eventType: 'booking.payment_link_sent',
        payload: { paymentUrl: link.url, dueAt: link.dueAt, balanceAmount },
      },
    ]);
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'booking.payment_link_sent',
      entityType: 'booking',
      entityId: payment.bookingId,
      changes: {
        recipient: payment.contactEmail,
        paymentId,
        amount: payment.amount,
        dueAt: link.dueAt?.toISOString() ?? null,
      },
      requestId: deps.requestId,
    });
  });
  return { ...link, recipient: payment.contactEmail };
}

/** The pending payment of an org's booking that waits for money (its total, or a balance). */
async function pendingPaymentOf(db: Db | Tx, reference: string, orgId: string) {
  const payment = await db
    .selectFrom('payments as p')
    .innerJoin('bookings as b', 'b.id', 'p.bookingId')
    .select([
      'p.id',
      'p.orgId',
      'p.bookingId',
      'p.provider',
      'p.providerRef',
      'p.amount',
      'p.currency',
      'b.status as bookingStatus',
    ])
    .where('b.reference', '=', reference)
    .where('b.orgId', '=', orgId)
    // A confirmed booking can owe a balance too (moved to dearer places).
    .where('b.status', 'in', ['pending_payment', 'confirmed'])
    .where('p.status', '=', 'pending')
    .orderBy('p.createdAt', 'desc')
    .executeTakeFirst();
  if (!payment)
    throw new AppError(
      'NOT_FOUND',
      'No booking of your organisation waiting for payment has this reference.',
    );
  return payment;
}

function linkOf(view: { redirectUrl: string | null; dueAt: Date | null }) {
  if (!view.redirectUrl) throw paidAtVenue();
  return { url: view.redirectUrl, dueAt: view.dueAt };
}

const paidAtVenue = () =>
  new AppError('CONFLICT', 'This booking is paid at the venue: there is no link to send.');
