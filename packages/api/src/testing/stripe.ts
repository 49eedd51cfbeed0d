import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Db } from '@tessera/db';
import { createStripeSimulator, type StripeSimulator } from '@tessera/stripe-simulator';
import type Stripe from 'stripe';
import type { InventoryEvents } from '../domain/events/inventory';
import type { PaymentProvider } from '../domain/payments/provider';
import { createStripeClient, stripePayments } from '../domain/payments/stripe/provider';
import { receiveStripeWebhook } from '../domain/payments/stripe/receive';
import type { ApiTest } from './api-test';
import { seatedOccurrence } from './engine-fixtures';

const WEBHOOK_SECRET = 'whsec_tessera_tests';

/**
 * The real Stripe SDK against the local simulator, whose webhooks reach a real HTTP
 * receiver running the production webhook code against the test database.
 */
export async function setupStripe(
  db: Db,
  events: InventoryEvents,
  { deliverWebhooks = true } = {},
) {
  const receiver: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const signature = req.headers['stripe-signature'];
      void receiveStripeWebhook(
        Buffer.concat(chunks).toString('utf8'),
        typeof signature === 'string' ? signature : null,
        {
          db,
          stripe,
          webhookSecret: WEBHOOK_SECRET,
          provider,
          events,
        },
      ).then(async (response) => {
        res.writeHead(response.status, { 'content-type': 'application/json' });
        res.end(await response.text());
      });
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const address = receiver.address();
  if (typeof address !== 'object' || !address) throw new Error('receiver has no address');
  const webhookUrl = `http://127.0.0.1:${address.port}/api/webhooks/stripe`;

  const simulator: StripeSimulator = await createStripeSimulator({
    webhookUrl: deliverWebhooks ? webhookUrl : null,
    webhookSecret: WEBHOOK_SECRET,
    webhooks: { retryBaseMs: 20 },
  });
  const stripe: Stripe = createStripeClient({
    secretKey: 'sk_test_tessera',
    apiUrl: simulator.url,
  });
  const provider: PaymentProvider = stripePayments(stripe, {
    secretKey: 'sk_test_tessera',
    apiUrl: simulator.url,
    siteUrl: 'http://127.0.0.1:3999',
    paymentMinutes: 30,
  });

  /** Acts on the simulator's test controls (pay, decline, dispute) and waits for the webhooks. */
  async function control(path: string, body: Record<string, unknown> = {}) {
    const response = await fetch(`${simulator.url}/_simulator/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`simulator ${path}: ${response.status} ${await response.text()}`);
    await simulator.flushWebhooks();
    return response.json() as Promise<unknown>;
  }

  return {
    simulator,
    stripe,
    provider,
    webhookUrl,
    webhookSecret: WEBHOOK_SECRET,
    control,
    async close() {
      await simulator.close();
      receiver.close();
    },
  };
}

/**
 * A customer holds `seats` seats of a new 4-seat row and checks out with Stripe: a booking
 * waiting for payment and its open Checkout Session.
 */
export async function checkoutWithStripe(
  t: ApiTest,
  stripe: Awaited<ReturnType<typeof setupStripe>>,
  { seats = 1, contact }: { seats?: number; contact: { name: string; email: string } },
) {
  const fixture = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 4 });
  const api = await t.caller({
    engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 },
    payments: stripe.provider,
  });
  const seatIds = fixture.seats.slice(0, seats).map((seat) => seat.id);
  const hold = await api.holds.create({ occurrenceId: fixture.occurrence.id, seatIds });
  const result = await api.bookings.checkout({
    holdId: hold.holdId,
    idempotencyKey: `key-${randomUUID()}`,
    contact,
  });
  const payment = await t.db
    .selectFrom('payments as p')
    .innerJoin('bookings as b', 'b.id', 'p.bookingId')
    .select(['p.id', 'p.providerRef', 'b.id as bookingId', 'b.holdId'])
    .where('b.reference', '=', result.reference)
    .executeTakeFirstOrThrow();
  if (!payment.providerRef) throw new Error('no Checkout Session was created');
  return {
    ...fixture,
    api,
    result,
    sessionId: payment.providerRef,
    bookingId: payment.bookingId,
    holdId: payment.holdId ?? '',
  };
}
