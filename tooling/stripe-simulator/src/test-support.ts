import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import Stripe from 'stripe';
import {
  createStripeSimulator,
  type StripeSimulator,
  type StripeSimulatorOptions,
} from './simulator';

export const WEBHOOK_SECRET = 'whsec_test_simulator_suite';

export interface ReceivedWebhook {
  rawBody: string;
  signature: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status codes to answer with, in order; 200 once they run out. */
  respondWith(statuses: number[]): void;
  close(): Promise<void>;
}

/** A plain node:http endpoint standing in for the app's webhook route. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let statuses: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        rawBody: Buffer.concat(chunks).toString('utf8'),
        signature: String(req.headers['stripe-signature']),
      });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    received,
    respondWith: (next) => {
      statuses = [...next];
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Harness {
  simulator: StripeSimulator;
  stripe: Stripe;
}

export async function startSimulator(
  options: Partial<StripeSimulatorOptions> = {},
): Promise<Harness> {
  const simulator = await createStripeSimulator({ webhookSecret: WEBHOOK_SECRET, ...options });
  const { hostname, port } = new URL(simulator.url);
  const stripe = new Stripe('sk_test_tessera_suite', {
    host: hostname,
    port: Number(port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  return { simulator, stripe };
}

export const sessionParams = (
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams => ({
  mode: 'payment',
  line_items: [
    {
      price_data: { currency: 'eur', unit_amount: 2500, product_data: { name: 'Adult ticket' } },
      quantity: 2,
    },
    {
      price_data: { currency: 'eur', unit_amount: 1000, product_data: { name: 'Child <ticket>' } },
      quantity: 1,
    },
  ],
  customer_email: 'ada@example.com',
  success_url: 'https://tessera.test/bookings/ABC/paid?session={CHECKOUT_SESSION_ID}',
  cancel_url: 'https://tessera.test/bookings/ABC',
  client_reference_id: 'ABC',
  metadata: { reference: 'ABC', orgId: 'org_1' },
  payment_intent_data: { metadata: { reference: 'ABC' } },
  ...overrides,
});

/** POSTs JSON to a test control and returns the parsed answer. */
export async function control<T = unknown>(
  simulator: StripeSimulator,
  path: string,
  body: unknown = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${simulator.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The id of an expandable field that was not expanded. */
export function idOf(field: string | { id: string } | null | undefined): string {
  if (typeof field === 'string') return field;
  if (!field) throw new Error('expected an id');
  return field.id;
}
