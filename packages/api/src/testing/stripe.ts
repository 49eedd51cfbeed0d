import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Db } from '@tessera/db';
import { createStripeSimulator, type StripeSimulator } from '@tessera/stripe-simulator';
import type Stripe from 'stripe';
import type { InventoryEvents } from '../domain/events/inventory';
import type { PaymentProvider } from '../domain/payments/provider';
import { createStripeClient, stripePayments } from '../domain/payments/stripe/provider';
import { receiveStripeWebhook } from '../domain/payments/stripe/receive';

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
