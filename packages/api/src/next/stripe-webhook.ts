import { env } from '../env';
import { redisInventoryEvents } from '../domain/events/inventory';
import { configuredPayments } from '../domain/payments/configured';
import { receiveStripeWebhook } from '../domain/payments/stripe/receive';
import { serverResources } from '../resources';

/** `POST /api/webhooks/stripe` of the booking site. */
export function createStripeWebhookHandler() {
  return async (req: Request): Promise<Response> => {
    const { stripe, provider } = configuredPayments();
    const webhookSecret = env.STRIPE_WEBHOOK_SECRET;
    if (!stripe || !webhookSecret)
      return Response.json({ error: 'Stripe is not configured here' }, { status: 404 });
    const { db, redis } = serverResources();
    return receiveStripeWebhook(await req.text(), req.headers.get('stripe-signature'), {
      db,
      stripe,
      webhookSecret,
      provider,
      events: redisInventoryEvents(redis),
    });
  };
}
