import Stripe from 'stripe';
import type { PaymentProvider } from '../provider';

export interface StripeSettings {
  secretKey: string;
  /** Another API address (the local simulator); Stripe's own when absent. */
  apiUrl?: string;
  siteUrl: string;
  paymentMinutes: number;
}

export function createStripeClient(settings: Pick<StripeSettings, 'secretKey' | 'apiUrl'>): Stripe {
  const api = settings.apiUrl ? new URL(settings.apiUrl) : null;
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(api && {
      host: api.hostname,
      port: Number(api.port || (api.protocol === 'https:' ? 443 : 80)),
      protocol: api.protocol === 'https:' ? 'https' : 'http',
    }),
  });
}

const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Card payments through Stripe Checkout: one Checkout Session per payment row, itemised,
 * with the booking reference in metadata and the customer's email prefilled. Idempotency
 * keys tie Stripe's objects to our rows, so a retry never creates a second session or refund.
 */
export function stripePayments(stripe: Stripe, settings: StripeSettings): PaymentProvider {
  const bookingPage = (reference: string) => `${settings.siteUrl}/bookings/${reference}`;
  return {
    name: 'stripe',
    paymentDeadline: (now) => new Date(now.getTime() + settings.paymentMinutes * 60_000),
    async startPayment(request) {
      const metadata = {
        bookingReference: request.bookingReference,
        paymentId: request.paymentId,
        orgId: request.orgId,
      };
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: request.lines.map((line) => ({
            quantity: line.quantity,
            price_data: {
              currency: request.currency.toLowerCase(),
              unit_amount: line.unitAmount,
              product_data: { name: line.description },
            },
          })),
          customer_email: request.customerEmail,
          client_reference_id: request.paymentId,
          metadata,
          payment_intent_data: { metadata },
          expires_at: unixSeconds(request.dueAt),
          success_url: `${bookingPage(request.bookingReference)}?payment=success&session_id={CHECKOUT_SESSION_ID}`,
          cancel_url: `${bookingPage(request.bookingReference)}?payment=cancelled`,
        },
        { idempotencyKey: `checkout-session:${request.paymentId}` },
      );
      return {
        providerRef: session.id,
        redirectUrl: session.url,
        instructions: 'Pay by card on the secure Stripe page. Your places are kept while you pay.',
      };
    },
    async refund(request) {
      if (!request.paymentProviderRef)
        throw new Error(`refund ${request.refundId}: the payment has no PaymentIntent yet`);
      const refund = await stripe.refunds.create(
        {
          payment_intent: request.paymentProviderRef,
          amount: request.amount,
          metadata: { refundId: request.refundId },
        },
        { idempotencyKey: `refund:${request.refundId}` },
      );
      // Stripe confirms most refunds at once; others complete later through charge.refunded.
      return {
        providerRef: refund.id,
        status: refund.status === 'succeeded' ? 'succeeded' : 'pending',
      };
    },
  };
}
