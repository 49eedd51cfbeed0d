/**
 * The booking site's `POST /api/webhooks/stripe` for the console's suite, which does not run
 * the site: the same receiving code (signature check, exactly-once settling) against the
 * suite's database, on the port given as its argument. Started by playwright.config.ts.
 */
import { createServer } from 'node:http';
import { configuredPayments } from '@tessera/api/domain/payments/configured';
import { receiveStripeWebhook } from '@tessera/api/domain/payments/stripe/receive';
import { env } from '@tessera/api/env';
import { createDb } from '@tessera/db';

const { stripe, provider } = configuredPayments();
const webhookSecret = env.STRIPE_WEBHOOK_SECRET;
if (!stripe || !webhookSecret)
  throw new Error('STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are required');
const db = createDb(env.DATABASE_URL, { max: 2 });
// Seat maps are not open in this suite: nothing to push.
const events = { changed: () => undefined };

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const signature = request.headers['stripe-signature'];
    void receiveStripeWebhook(
      Buffer.concat(chunks).toString('utf8'),
      typeof signature === 'string' ? signature : null,
      { db, stripe, webhookSecret, provider, events },
    )
      .then(async (answer) => {
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(await answer.text());
      })
      .catch((error: unknown) => {
        // Stripe (the simulator) retries a 500 later, as it would the site's.
        console.error(error);
        response.writeHead(500).end();
      });
  });
}).listen(Number(process.argv[2]), '127.0.0.1');
