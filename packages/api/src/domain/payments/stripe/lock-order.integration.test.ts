import { createStaffUser } from '@tessera/db/seed';
import { sql } from 'kysely';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { setupApiTest, type ApiTest } from '../../../testing/api-test';
import { checkoutWithStripe, setupStripe } from '../../../testing/stripe';
import { handleStripeEvent } from './webhook';

let t: ApiTest;
// Webhooks are not delivered: the test hands each event to the handler when the race needs it.
let s: Awaited<ReturnType<typeof setupStripe>>;
const noEvents = { changed: () => undefined };

beforeAll(async () => {
  t = await setupApiTest();
  s = await setupStripe(t.db, noEvents, { deliverWebhooks: false });
});
afterAll(async () => {
  await s.close();
  await t.close();
});

async function stripeEvent(type: string, objectId: string): Promise<Stripe.Event> {
  const events = await s.stripe.events.list({ type, limit: 100 });
  const event = events.data.find(
    (candidate) => 'id' in candidate.data.object && candidate.data.object.id === objectId,
  );
  if (!event) throw new Error(`the simulator sent no ${type} for ${objectId}`);
  return event;
}

const lockWaiters = async () => {
  const { rows } = await sql<{ waiting: number }>`
    SELECT count(*)::int AS waiting FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(t.db);
  return rows[0]?.waiting ?? 0;
};

describe('lock order booking -> payment -> refund', () => {
  it('cancels a paid booking while a dispute webhook for its payment is handled, without a deadlock', async () => {
    const booked = await checkoutWithStripe(t, s, {
      contact: { name: 'Karim Benali', email: 'karim@example.test' },
    });
    const { sessionId, bookingId, org } = booked;
    const reference = booked.result.reference;
    await s.control(`sessions/${sessionId}/pay`);
    const deps = { provider: s.provider, events: noEvents };
    await handleStripeEvent(t.db, await stripeEvent('checkout.session.completed', sessionId), deps);
    const session = await s.stripe.checkout.sessions.retrieve(sessionId);
    const dispute = z
      .object({ id: z.string() })
      .parse(await s.control('disputes', { payment_intent: session.payment_intent }));
    const disputed = await stripeEvent('charge.dispute.created', dispute.id);
    const manager = (await createStaffUser(t.db, { org, role: 'manager' })).user;
    const staff = await t.caller({ userId: manager.id, payments: s.provider });

    // The cancellation locks the booking and waits on its items, held here; the webhook then
    // starts and takes what it takes first. Released, the cancellation goes on to create the
    // refund (which locks the payment) while the webhook wants the booking: with the payment
    // taken before the booking, that was a deadlock.
    let cancelled: Promise<unknown> | undefined;
    let webhook: Promise<unknown> | undefined;
    await t.db.transaction().execute(async (blocker) => {
      await blocker
        .selectFrom('bookingItems')
        .select('id')
        .where('bookingId', '=', bookingId)
        .forUpdate()
        .execute();
      cancelled = staff.staff.bookings.cancel({ reference });
      await vi.waitFor(async () => expect(await lockWaiters()).toBe(1), {
        timeout: 10_000,
        interval: 20,
      });
      webhook = handleStripeEvent(t.db, disputed, deps);
      await vi.waitFor(async () => expect(await lockWaiters()).toBe(2), {
        timeout: 10_000,
        interval: 20,
      });
    });
    const [cancel, dispatched] = await Promise.allSettled([cancelled, webhook]);
    expect(cancel).toMatchObject({ status: 'fulfilled' });
    expect(dispatched).toEqual({ status: 'fulfilled', value: 'processed' });
    const after = await t.db
      .selectFrom('bookings')
      .select(['status', 'refundedAmount', 'attentionReason'])
      .where('id', '=', bookingId)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('refunded');
    expect(after.refundedAmount).toBe(4500);
    expect(after.attentionReason).toContain('Payment disputed');
  });
});
