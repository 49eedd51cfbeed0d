import type { Db } from '@tessera/db';
import type Stripe from 'stripe';
import type { InventoryEvents } from '../../events/inventory';
import type { PaymentProvider } from '../provider';
import { handleStripeEvent } from './webhook';

export interface WebhookDeps {
  db: Db;
  stripe: Stripe;
  webhookSecret: string;
  provider: PaymentProvider;
  events: InventoryEvents;
}

/**
 * A webhook delivery, from raw body to HTTP answer: the signature is checked on the raw
 * body (400, nothing changes, when wrong or missing); 200 only once the work is committed;
 * 500 on failure, so Stripe delivers it again.
 */
export async function receiveStripeWebhook(
  body: string,
  signature: string | null,
  deps: WebhookDeps,
): Promise<Response> {
  let event: Stripe.Event;
  try {
    event = deps.stripe.webhooks.constructEvent(body, signature ?? '', deps.webhookSecret);
  } catch {
    return Response.json({ error: 'Invalid signature' }, { status: 400 });
  }
  try {
    const outcome = await handleStripeEvent(deps.db, event, deps);
    return Response.json({ received: true, outcome });
  } catch (error) {
    console.error(`stripe event ${event.id} (${event.type}) failed:`, error);
    return Response.json({ error: 'Not processed; deliver again' }, { status: 500 });
  }
}
