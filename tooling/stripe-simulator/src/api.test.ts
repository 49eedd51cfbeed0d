import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, type Harness, idOf, sessionParams, startSimulator } from './test-support';

let harness: Harness;
beforeAll(async () => {
  harness = await startSimulator();
});
afterAll(() => harness.simulator.close());

async function paidSession(
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Promise<Stripe.Checkout.Session> {
  const session = await harness.stripe.checkout.sessions.create(sessionParams(overrides));
  const paid = await control(harness.simulator, `/_simulator/sessions/${session.id}/pay`);
  expect(paid.status).toBe(200);
  return harness.stripe.checkout.sessions.retrieve(session.id);
}

describe('checkout sessions', () => {
  it('creates an open session with Stripe fields and retrieves it', async () => {
    const { stripe, simulator } = harness;
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_subtotal: 6000,
      amount_total: 6000,
      currency: 'eur',
      customer_email: 'ada@example.com',
      customer_details: { email: 'ada@example.com' },
      client_reference_id: 'ABC',
      metadata: { reference: 'ABC', orgId: 'org_1' },
      payment_intent: null,
      livemode: false,
      success_url: 'https://tessera.test/bookings/ABC/paid?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://tessera.test/bookings/ABC',
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${simulator.url}/pay/${session.id}`);
    expect(session.expires_at - session.created).toBe(24 * 3600);

    expect(await stripe.checkout.sessions.retrieve(session.id)).toEqual(session);
    const lines = await stripe.checkout.sessions.listLineItems(session.id);
    expect(
      lines.data.map((line) => [
        line.description,
        line.quantity,
        line.amount_total,
        line.price?.unit_amount,
      ]),
    ).toEqual([
      ['Adult ticket', 2, 5000, 2500],
      ['Child <ticket>', 1, 1000, 1000],
    ]);
  });

  it('expires an open session once, then refuses', async () => {
    const { stripe } = harness;
    const session = await stripe.checkout.sessions.create(sessionParams());
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe('expired');
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired');
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({
      statusCode: 400,
      type: 'StripeInvalidRequestError',
    });
    const paid = await control(harness.simulator, `/_simulator/sessions/${session.id}/pay`);
    expect(paid.status).toBe(400);
  });

  it('refuses bad parameters the way Stripe does', async () => {
    const { stripe } = harness;
    await expect(
      stripe.checkout.sessions.create({ ...sessionParams(), line_items: [] }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'line_items' });
    await expect(
      stripe.checkout.sessions.create({ ...sessionParams(), locale: 'fr' }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'locale',
    });
    await expect(
      stripe.checkout.sessions.create({
        ...sessionParams(),
        expires_at: Math.floor(Date.now() / 1000) + 60,
      }),
    ).rejects.toMatchObject({
      param: 'expires_at',
    });
    await expect(stripe.checkout.sessions.retrieve('cs_test_missing')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
  });
});

describe('payments', () => {
  it('pays a session: complete, paid, with a succeeded PaymentIntent and charge', async () => {
    const { stripe } = harness;
    const session = await paidSession();
    expect(session).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect(session.payment_intent).toMatch(/^pi_/);
    const intent = await stripe.paymentIntents.retrieve(idOf(session.payment_intent), {
      expand: ['latest_charge'],
    });
    expect(intent).toMatchObject({
      status: 'succeeded',
      amount: 6000,
      amount_received: 6000,
      currency: 'eur',
      metadata: { reference: 'ABC' },
    });
    expect(intent.latest_charge).toMatchObject({
      object: 'charge',
      status: 'succeeded',
      paid: true,
      amount: 6000,
      payment_intent: intent.id,
    });
    const expanded = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent'],
    });
    expect(expanded.payment_intent).toMatchObject({ id: intent.id, object: 'payment_intent' });
  });

  it('declines, leaves the session payable, then pays with the same PaymentIntent', async () => {
    const { stripe, simulator } = harness;
    const session = await stripe.checkout.sessions.create(sessionParams());
    const declined = await control<{ payment_intent: Stripe.PaymentIntent }>(
      simulator,
      `/_simulator/sessions/${session.id}/decline`,
    );
    expect(declined.status).toBe(200);
    const failedIntent = await stripe.paymentIntents.retrieve(declined.body.payment_intent.id);
    expect(failedIntent.status).toBe('requires_payment_method');
    expect(failedIntent.last_payment_error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
    });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: 'open',
      payment_intent: null,
    });

    await control(simulator, `/_simulator/sessions/${session.id}/pay`);
    const paid = await stripe.checkout.sessions.retrieve(session.id);
    expect(paid.payment_intent).toBe(failedIntent.id);
    expect(await stripe.paymentIntents.retrieve(failedIntent.id)).toMatchObject({
      status: 'succeeded',
      last_payment_error: null,
    });
  });
});

describe('refunds', () => {
  it('refunds in part, then the rest, then refuses more', async () => {
    const { stripe } = harness;
    const session = await paidSession();
    const paymentIntent = idOf(session.payment_intent);
    const partial = await stripe.refunds.create({
      payment_intent: paymentIntent,
      amount: 2500,
      reason: 'requested_by_customer',
      metadata: { by: 'staff' },
    });
    expect(partial).toMatchObject({
      object: 'refund',
      status: 'succeeded',
      amount: 2500,
      payment_intent: paymentIntent,
      metadata: { by: 'staff' },
    });
    expect(partial.id).toMatch(/^re_/);
    await expect(
      stripe.refunds.create({ payment_intent: paymentIntent, amount: 3501 }),
    ).rejects.toMatchObject({
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      param: 'amount',
    });
    const rest = await stripe.refunds.create({ payment_intent: paymentIntent });
    expect(rest.amount).toBe(3500);
    expect(await stripe.refunds.retrieve(rest.id)).toEqual(rest);
    const charge = await stripe.charges.retrieve(idOf(rest.charge));
    expect(charge).toMatchObject({ amount_refunded: 6000, refunded: true });
    await expect(
      stripe.refunds.create({ payment_intent: paymentIntent, amount: 1 }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'charge_already_refunded',
    });

    const refundEvents = await stripe.events.list({ type: 'charge.refunded', limit: 100 });
    const forCharge = refundEvents.data.filter(
      (event) => (event.data.object as Stripe.Charge).id === charge.id,
    );
    expect(forCharge.map((event) => (event.data.object as Stripe.Charge).amount_refunded)).toEqual([
      6000, 2500,
    ]);
    expect(forCharge.map((event) => (event.data.object as Stripe.Charge).refunded)).toEqual([
      true,
      false,
    ]);
  });

  it('refuses to refund an unpaid PaymentIntent', async () => {
    const { stripe, simulator } = harness;
    const session = await stripe.checkout.sessions.create(sessionParams());
    const declined = await control<{ payment_intent: Stripe.PaymentIntent }>(
      simulator,
      `/_simulator/sessions/${session.id}/decline`,
    );
    await expect(
      stripe.refunds.create({ payment_intent: declined.body.payment_intent.id }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe('events', () => {
  it('lists newest first, filters by type and created, and pages', async () => {
    const { stripe } = harness;
    const since = Math.floor(Date.now() / 1000);
    const session = await paidSession();
    const all = await stripe.events.list({ created: { gte: since }, limit: 100 });
    const ids = [session.id, idOf(session.payment_intent)];
    const mine = all.data.filter((event) => ids.includes((event.data.object as { id: string }).id));
    expect(mine.map((event) => event.type)).toEqual([
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);

    const completed = await stripe.events.list({ type: 'checkout.session.completed', limit: 100 });
    expect(completed.data.every((event) => event.type === 'checkout.session.completed')).toBe(true);
    const wildcard = await stripe.events.list({ type: 'checkout.session.*', limit: 100 });
    expect(wildcard.data.some((event) => event.type === 'checkout.session.expired')).toBe(true);

    const first = await stripe.events.list({ limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(true);
    const next = await stripe.events.list({ limit: 2, starting_after: first.data[1]?.id });
    expect(next.data[0]?.created).toBeLessThanOrEqual(first.data[1]?.created ?? 0);
    expect(next.data.map((event) => event.id)).not.toContain(first.data[1]?.id);

    const future = await stripe.events.list({ created: { gte: since + 3600 } });
    expect(future.data).toEqual([]);
    const event = mine[0];
    if (!event) throw new Error('expected an event');
    expect(await stripe.events.retrieve(event.id)).toEqual(event);
    expect(event).toMatchObject({
      object: 'event',
      livemode: false,
      pending_webhooks: 0,
      request: { id: null },
    });
  });
});

describe('requests', () => {
  it('returns the first response for a repeated Idempotency-Key and refuses other parameters', async () => {
    const { stripe } = harness;
    const idempotencyKey = `booking-ABC-${Date.now()}`;
    const first = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey });
    const again = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey });
    expect(again.id).toBe(first.id);
    expect(again).toEqual(first);
    await expect(
      stripe.checkout.sessions.create(sessionParams({ client_reference_id: 'XYZ' }), {
        idempotencyKey,
      }),
    ).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
    });
  });

  it('requires a test secret key', async () => {
    const { simulator } = harness;
    const missing = await fetch(`${simulator.url}/v1/events`);
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/API key/);

    const { hostname, port } = new URL(simulator.url);
    const live = new Stripe('sk_live_nope', {
      host: hostname,
      port: Number(port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await expect(live.events.list()).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
  });
});
