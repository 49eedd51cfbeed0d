import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { type StripeSimulatorOptions } from './simulator';
import {
  control,
  type Harness,
  idOf,
  sessionParams,
  startSimulator,
  startWebhookReceiver,
  WEBHOOK_SECRET,
  type WebhookReceiver,
} from './test-support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(
  options: Partial<StripeSimulatorOptions> = {},
): Promise<Harness & { receiver: WebhookReceiver }> {
  const receiver = await startWebhookReceiver();
  cleanups.push(() => receiver.close());
  const harness = await startSimulator({ webhookUrl: receiver.url, ...options });
  cleanups.push(() => harness.simulator.close());
  return { ...harness, receiver };
}

function verified(stripe: Stripe, receiver: WebhookReceiver): Stripe.Event[] {
  return receiver.received.map(({ rawBody, signature }) =>
    stripe.webhooks.constructEvent(rawBody, signature, WEBHOOK_SECRET),
  );
}

async function paySession({ stripe, simulator }: Harness): Promise<Stripe.Checkout.Session> {
  const session = await stripe.checkout.sessions.create(sessionParams());
  await control(simulator, `/_simulator/sessions/${session.id}/pay`);
  return session;
}

describe('webhooks', () => {
  it('delivers signed events that stripe.webhooks.constructEvent accepts, and rejects a tampered body', async () => {
    const harness = await setup();
    const { stripe, simulator, receiver } = harness;
    const session = await paySession(harness);
    await simulator.flushWebhooks();

    const events = verified(stripe, receiver);
    expect(events.map((event) => event.type)).toEqual([
      'checkout.session.completed',
      'payment_intent.succeeded',
    ]);
    const [completed] = events;
    expect(completed).toMatchObject({
      object: 'event',
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: {
        object: {
          id: session.id,
          object: 'checkout.session',
          status: 'complete',
          payment_status: 'paid',
          metadata: { reference: 'ABC' },
        },
      },
    });
    expect(completed?.id).toMatch(/^evt_/);
    expect(typeof completed?.api_version).toBe('string');
    expect(simulator.sentEvents().map((event) => event.id)).toEqual(
      events.map((event) => event.id),
    );

    const first = receiver.received[0];
    if (!first) throw new Error('expected a delivery');
    const tampered = first.rawBody.replace('"paid"', '"unpaid"');
    expect(() => stripe.webhooks.constructEvent(tampered, first.signature, WEBHOOK_SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('sends expired, payment failed, refund and dispute events with the API request that caused them', async () => {
    const harness = await setup();
    const { stripe, simulator, receiver } = harness;
    const open = await stripe.checkout.sessions.create(sessionParams());
    await stripe.checkout.sessions.expire(open.id, {}, { idempotencyKey: 'expire-1' });
    const declinedSession = await stripe.checkout.sessions.create(sessionParams());
    await control(simulator, `/_simulator/sessions/${declinedSession.id}/decline`);
    const paid = await paySession(harness);
    const intentId = idOf((await stripe.checkout.sessions.retrieve(paid.id)).payment_intent);
    await stripe.refunds.create({ payment_intent: intentId, amount: 1000 });
    const dispute = await control<{ id: string; object: string }>(
      simulator,
      '/_simulator/disputes',
      { payment_intent: intentId },
    );
    expect(dispute.body).toMatchObject({ object: 'dispute' });
    await simulator.flushWebhooks();

    const events = verified(stripe, receiver);
    expect(events.map((event) => event.type)).toEqual([
      'checkout.session.expired',
      'payment_intent.payment_failed',
      'checkout.session.completed',
      'payment_intent.succeeded',
      'charge.refunded',
      'refund.created',
      'charge.dispute.created',
    ]);
    const byType = new Map(events.map((event) => [event.type, event]));
    expect(byType.get('checkout.session.expired')?.request).toMatchObject({
      idempotency_key: 'expire-1',
    });
    expect(byType.get('checkout.session.expired')?.request?.id).toMatch(/^req_/);
    expect(byType.get('payment_intent.payment_failed')?.data.object).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'card_declined' },
    });
    expect(byType.get('charge.refunded')?.data.object).toMatchObject({
      object: 'charge',
      amount_refunded: 1000,
      refunded: false,
    });
    expect(byType.get('charge.dispute.created')?.data.object).toMatchObject({
      id: dispute.body.id,
      payment_intent: intentId,
      amount: 6000,
    });
  });

  it('sends each event n extra times with duplicate: n', async () => {
    const harness = await setup({ webhooks: { duplicate: 2 } });
    await paySession(harness);
    await harness.simulator.flushWebhooks();
    const events = verified(harness.stripe, harness.receiver);
    expect(events.map((event) => event.type)).toEqual([
      ...Array<string>(3).fill('checkout.session.completed'),
      ...Array<string>(3).fill('payment_intent.succeeded'),
    ]);
    expect(new Set(events.map((event) => event.id)).size).toBe(2);
  });

  it('reverses each action’s events with reorder, set through the test control', async () => {
    const harness = await setup();
    const answer = await control(harness.simulator, '/_simulator/webhooks', { reorder: true });
    expect(answer.body).toEqual({ duplicate: 0, delayMs: 0, reorder: true });
    await paySession(harness);
    await harness.simulator.flushWebhooks();
    expect(verified(harness.stripe, harness.receiver).map((event) => event.type)).toEqual([
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
  });

  it('delays delivery with delayMs without holding up the API response', async () => {
    const harness = await setup();
    harness.simulator.setWebhookBehaviour({ delayMs: 400 });
    const started = Date.now();
    await paySession(harness);
    expect(harness.receiver.received).toHaveLength(0);
    await harness.simulator.flushWebhooks();
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(harness.receiver.received).toHaveLength(2);
  });

  it('retries a delivery the receiver refused, with backoff, a bounded number of times', async () => {
    const harness = await setup({ webhooks: { maxAttempts: 3, retryBaseMs: 20 } });
    harness.receiver.respondWith([500, 503]);
    const session = await harness.stripe.checkout.sessions.create(sessionParams());
    await harness.stripe.checkout.sessions.expire(session.id);
    await harness.simulator.flushWebhooks();
    expect(harness.receiver.received).toHaveLength(3);
    expect(harness.simulator.sentEvents().map((event) => event.type)).toEqual([
      'checkout.session.expired',
    ]);

    harness.receiver.respondWith([500, 500, 500, 500]);
    const other = await harness.stripe.checkout.sessions.create(sessionParams());
    await harness.stripe.checkout.sessions.expire(other.id);
    await harness.simulator.flushWebhooks();
    expect(harness.receiver.received).toHaveLength(6);
    expect(harness.simulator.sentEvents()).toHaveLength(1);
  });
});
