import type Stripe from 'stripe';
import { env } from '../../env';
import { offlinePayments } from './offline';
import type { PaymentProvider } from './provider';
import { createStripeClient, stripePayments } from './stripe/provider';

let configured: { provider: PaymentProvider; stripe: Stripe | null } | undefined;

/**
 * The process's payment provider: Stripe (or the local simulator) when a key is set, else
 * pay at the venue. Created once per process.
 */
export function configuredPayments(): { provider: PaymentProvider; stripe: Stripe | null } {
  if (!configured) {
    const secretKey = env.STRIPE_SECRET_KEY;
    if (secretKey) {
      const stripe = createStripeClient({ secretKey, apiUrl: env.STRIPE_API_URL });
      configured = {
        stripe,
        provider: stripePayments(stripe, {
          secretKey,
          apiUrl: env.STRIPE_API_URL,
          siteUrl: env.PUBLIC_SITE_URL,
          paymentMinutes: env.STRIPE_PAYMENT_MINUTES,
        }),
      };
    } else {
      configured = { stripe: null, provider: offlinePayments };
    }
  }
  return configured;
}
