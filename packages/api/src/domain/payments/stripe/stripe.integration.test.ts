import { randomUUID } from 'node:crypto';
import { createOrg, createStaffUser } from '@tessera/db/seed';
import { sql } from 'kysely';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupApiTest, type ApiTest } from '../../../testing/api-test';
import { at } from '../../../testing/engine-fixtures';
import { checkoutWithStripe, setupStripe } from '../../../testing/stripe';
import { lockBookingThenPayment } from '../lock-order';
import { completeRefund, createRefund } from '../refunds';
import { reconcileStripePayments } from './reconcile';
import { handleStripeEvent } from './webhook';

let t: ApiTest;
let s: Awaited<ReturnType<typeof setupStripe>>;
const noEvents = { changed: () => undefined };
const contact = { name: 'Karim Benali', email: 'karim@example.test' };

beforeAll(async () => {
  t = await setupApiTest();
  s = await setupStripe(t.db, noEvents);
});
afterAll(async () => {
  await s.close();
  await t.close();
});

/** A customer holds `seats` seats and checks out with Stripe: a pending booking and its open session. */
const bookWithStripe = (seats = 1) => checkoutWithStripe(t, s, { seats, contact });

const bookingRow = (id: string) =>
  t.db
    .selectFrom('bookings')
    .select(['status', 'paidAmount', 'refundedAmount', 'attentionReason'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const ticketsOf = async (id: string) =>
  (await t.db.selectFrom('tickets').select('code').where('bookingId', '=', id).execute()).length;
const outboxOf = async (id: string) =>
  (
    await t.db
      .selectFrom('outbox')
      .select('eventType')
      .where('aggregateId', '=', id)
      .orderBy('id')
      .execute()
  ).map((row) => row.eventType);

/** A booking's deadline passes (no worker needed: its seats become claimable). */
async function lapse(holdId: string) {
  await sql`UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = ${holdId}`.execute(
    t.db,
  );
  await sql`UPDATE occurrence_seats SET held_until = now() - interval '1 second' WHERE hold_id = ${holdId}`.execute(
    t.db,
  );
}

describe('Stripe Checkout through the real SDK and the simulator', () => {
  it('creates an itemised session for the booking and confirms it once paid', async () => {
    const booked = await bookWithStripe(2);
    expect(booked.result).toMatchObject({
      status: 'pending_payment',
      payment: { provider: 'stripe', status: 'pending' },
    });
    expect(booked.result.payment?.redirectUrl).toContain(`/pay/${booked.sessionId}`);
    const session = await s.stripe.checkout.sessions.retrieve(booked.sessionId);
    expect(session).toMatchObject({
      amount_total: 9000,
      currency: 'eur',
      customer_email: contact.email,
      metadata: { bookingReference: booked.result.reference },
    });

    await s.control(`sessions/${booked.sessionId}/pay`);
    expect(await bookingRow(booked.bookingId)).toMatchObject({
      status: 'confirmed',
      paidAmount: 9000,
    });
    expect(await ticketsOf(booked.bookingId)).toBe(2);
  });

  it('confirms exactly once when every webhook arrives ten times', async () => {
    const booked = await bookWithStripe();
    s.simulator.setWebhookBehaviour({ duplicate: 9 });
    try {
      await s.control(`sessions/${booked.sessionId}/pay`);
    } finally {
      s.simulator.setWebhookBehaviour({ duplicate: 0 });
    }
    expect(await bookingRow(booked.bookingId)).toMatchObject({
      status: 'confirmed',
      paidAmount: 4500,
    });
    expect(await ticketsOf(booked.bookingId)).toBe(1);
    expect(
      (await outboxOf(booked.bookingId)).filter((type) => type === 'booking.confirmed'),
    ).toHaveLength(1);
  });

  it('records a declined card and keeps the booking payable', async () => {
    const booked = await bookWithStripe();
    await s.control(`sessions/${booked.sessionId}/decline`);
    expect(await bookingRow(booked.bookingId)).toMatchObject({
      status: 'pending_payment',
      paidAmount: 0,
    });
    expect(await outboxOf(booked.bookingId)).toContain('booking.payment_failed');
    await s.control(`sessions/${booked.sessionId}/pay`);
    expect((await bookingRow(booked.bookingId)).status).toBe('confirmed');
  });

  it('ignores an expiry that arrives after the payment', async () => {
    const booked = await bookWithStripe();
    await s.control(`sessions/${booked.sessionId}/pay`);
    const session = await s.stripe.checkout.sessions.retrieve(booked.sessionId);
    const late = { ...expiredEvent(session), id: `evt_late_${randomUUID()}` };
    expect(await handleStripeEvent(t.db, late, { provider: s.provider, events: noEvents })).toBe(
      'ignored',
    );
    expect((await bookingRow(booked.bookingId)).status).toBe('confirmed');
  });

  it('expires an unpaid session, then re-claims the still-free seat when the payment comes after all', async () => {
    const booked = await bookWithStripe();
    await s.stripe.checkout.sessions.expire(booked.sessionId);
    await s.simulator.flushWebhooks();
    expect((await bookingRow(booked.bookingId)).status).toBe('expired');
    const seat = await t.db
      .selectFrom('occurrenceSeats')
      .select('status')
      .where('seatId', '=', at(booked.seats, 0).id)
      .executeTakeFirstOrThrow();
    expect(seat.status).toBe('free');

    const session = await s.stripe.checkout.sessions.retrieve(booked.sessionId);
    const paidAfterExpiry = completedEvent({
      ...session,
      status: 'complete',
      payment_status: 'paid',
    });
    expect(
      await handleStripeEvent(t.db, paidAfterExpiry, { provider: s.provider, events: noEvents }),
    ).toBe('processed');
    expect(await bookingRow(booked.bookingId)).toMatchObject({
      status: 'confirmed',
      paidAmount: 4500,
    });
  });

  it('refunds a payment that arrives after the seat was sold to someone else, and tells the customer', async () => {
    const booked = await bookWithStripe();
    await lapse(booked.holdId);
    const other = await t.caller({ engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } });
    await other.holds.create({
      occurrenceId: booked.occurrence.id,
      seatIds: [at(booked.seats, 0).id],
    });

    await s.control(`sessions/${booked.sessionId}/pay`);
    expect(await bookingRow(booked.bookingId)).toMatchObject({
      status: 'refunded',
      paidAmount: 4500,
      refundedAmount: 4500,
    });
    expect((await bookingRow(booked.bookingId)).attentionReason).toContain(
      'refunded automatically',
    );
    expect(await outboxOf(booked.bookingId)).toContain('booking.late_payment_refunded');
    expect(await ticketsOf(booked.bookingId)).toBe(0);
  });

  it('re-claims the seat of a lapsed booking that nobody took, and confirms it', async () => {
    const booked = await bookWithStripe();
    await lapse(booked.holdId);
    await s.control(`sessions/${booked.sessionId}/pay`);
    expect((await bookingRow(booked.bookingId)).status).toBe('confirmed');
  });

  it('flags an amount that does not match the booking instead of confirming it', async () => {
    const booked = await bookWithStripe();
    const session = await s.stripe.checkout.sessions.retrieve(booked.sessionId);
    const wrong = completedEvent({
      ...session,
      status: 'complete',
      payment_status: 'paid',
      amount_total: 100,
    });
    await handleStripeEvent(t.db, wrong, { provider: s.provider, events: noEvents });
    expect(await bookingRow(booked.bookingId)).toMatchObject({
      status: 'pending_payment',
      paidAmount: 0,
    });
    expect((await bookingRow(booked.bookingId)).attentionReason).toBe(
      'Paid 100 EUR but the booking is 4500 EUR',
    );
  });

  it('refunds part then the rest (staff), and the whole on a customer cancellation, amounts adding up', async () => {
    const booked = await bookWithStripe();
    await s.control(`sessions/${booked.sessionId}/pay`);
    const manager = (await createStaffUser(t.db, { org: booked.org, role: 'manager' })).user;
    const staff = await t.caller({ userId: manager.id, payments: s.provider });
    await staff.staff.refunds.create({
      reference: booked.result.reference,
      amount: 1000,
      idempotencyKey: 'partial-refund-1',
    });
    await staff.staff.refunds.create({
      reference: booked.result.reference,
      amount: 1000,
      idempotencyKey: 'partial-refund-1',
    });
    await s.simulator.flushWebhooks();
    expect(await bookingRow(booked.bookingId)).toMatchObject({
      status: 'confirmed',
      paidAmount: 4500,
      refundedAmount: 1000,
    });
    await expect(
      staff.staff.refunds.create({
        reference: booked.result.reference,
        amount: 9999,
        idempotencyKey: 'too-much-1',
      }),
    ).rejects.toMatchObject({
      message: 'At most 3500 (minor units) can be refunded on this booking.',
    });

    const customerBooking = await bookWithStripe();
    await s.control(`sessions/${customerBooking.sessionId}/pay`);
    await customerBooking.api.bookings.cancel({
      reference: customerBooking.result.reference,
      email: contact.email,
    });
    await s.simulator.flushWebhooks();
    expect(await bookingRow(customerBooking.bookingId)).toMatchObject({
      status: 'refunded',
      paidAmount: 4500,
      refundedAmount: 4500,
    });
    const charge = await s.stripe.paymentIntents.retrieve(
      (await s.stripe.checkout.sessions.retrieve(customerBooking.sessionId))
        .payment_intent as string,
    );
    expect(charge.amount_received).toBe(4500);
  });

  it('completes a refund the provider confirmed while its charge.refunded webhook is handled, without a deadlock', async () => {
    const booked = await bookWithStripe();
    await s.control(`sessions/${booked.sessionId}/pay`);
    const payment = await t.db
      .selectFrom('payments')
      .select(['id', 'orgId', 'currency'])
      .where('bookingId', '=', booked.bookingId)
      .executeTakeFirstOrThrow();
    const refundId = await t.db.transaction().execute((tx) =>
      createRefund(tx, {
        orgId: payment.orgId,
        bookingId: booked.bookingId,
        paymentId: payment.id,
        amount: 1000,
        currency: payment.currency,
        reason: 'staff',
        idempotencyKey: `race-${randomUUID()}`,
      }),
    );
    let answered: Promise<void> | undefined;
    // The webhook's transaction holds the booking and payment (as it does from its first read)
    // when the provider's answer starts completing the same refund; then the webhook completes it too.
    await t.db.transaction().execute(async (webhook) => {
      await lockBookingThenPayment(webhook, payment.id);
      answered = t.db.transaction().execute((tx) => completeRefund(tx, refundId, 're_race'));
      await vi.waitFor(
        async () => {
          const { rows } = await sql<{ waiting: number }>`
            SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(t.db);
          expect(rows[0]?.waiting).toBeGreaterThan(0);
        },
        { timeout: 10_000, interval: 20 },
      );
      await completeRefund(webhook, refundId, 're_race');
    });
    await answered;
    expect(await bookingRow(booked.bookingId)).toMatchObject({ refundedAmount: 1000 });
  });

  it('gives staff the payment link of a booking waiting for payment, and only of their org', async () => {
    const booked = await bookWithStripe();
    const agent = (await createStaffUser(t.db, { org: booked.org, role: 'agent' })).user;
    const link = await (
      await t.caller({ userId: agent.id, payments: s.provider })
    ).staff.bookings.paymentLink({ reference: booked.result.reference });
    expect(link.url).toBe(booked.result.payment?.redirectUrl);
    const page = await fetch(link.url);
    expect(await page.text()).toContain('Pay');

    const outsider = (await createStaffUser(t.db, { org: await createOrg(t.db), role: 'owner' }))
      .user;
    await expect(
      (await t.caller({ userId: outsider.id, payments: s.provider })).staff.bookings.paymentLink({
        reference: booked.result.reference,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await s.control(`sessions/${booked.sessionId}/pay`);
    await expect(
      (await t.caller({ userId: agent.id, payments: s.provider })).staff.bookings.paymentLink({
        reference: booked.result.reference,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers a forged or missing signature with 400 and changes nothing', async () => {
    const before = await t.db
      .selectFrom('paymentEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const body = JSON.stringify({
      id: 'evt_forged',
      type: 'checkout.session.completed',
      data: { object: {} },
    });
    for (const signature of [undefined, 't=1,v1=deadbeef']) {
      const response = await fetch(s.webhookUrl, {
        method: 'POST',
        body,
        headers: signature ? { 'stripe-signature': signature } : {},
      });
      expect(response.status).toBe(400);
    }
    const after = await t.db
      .selectFrom('paymentEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('reconciles a payment whose webhook never came', async () => {
    const quiet = await setupStripe(t.db, noEvents, { deliverWebhooks: false });
    try {
      const booked = await checkoutWithStripe(t, quiet, { contact });
      await quiet.control(`sessions/${booked.sessionId}/pay`);
      expect((await bookingRow(booked.bookingId)).status).toBe('pending_payment');

      const tally = await reconcileStripePayments(
        t.db,
        quiet.stripe,
        { provider: quiet.provider, events: noEvents },
        { olderThanMinutes: 0 },
      );
      expect(tally.settled).toBeGreaterThanOrEqual(1);
      expect((await bookingRow(booked.bookingId)).status).toBe('confirmed');
    } finally {
      await quiet.close();
    }
  });
});

function completedEvent(session: Stripe.Checkout.Session): Stripe.Event {
  return {
    ...eventBase(session),
    id: `evt_test_${randomUUID()}`,
    type: 'checkout.session.completed',
  };
}

function expiredEvent(session: Stripe.Checkout.Session): Stripe.Event {
  return {
    ...eventBase(session),
    id: `evt_test_${randomUUID()}`,
    type: 'checkout.session.expired',
  };
}

function eventBase(session: Stripe.Checkout.Session) {
  return {
    object: 'event' as const,
    api_version: null,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 0,
    request: { id: null, idempotency_key: null },
    data: { object: session },
  };
}
