import { defineAppSuite } from '@tessera/playwright-config';

export default defineAppSuite({
  port: 3100,
  databaseName: 'tessera_e2e_web',
  env: {
    NEXT_PUBLIC_ADMIN_URL: 'http://127.0.0.1:3101',
    PUBLIC_SITE_URL: 'http://127.0.0.1:3100',
    // Stripe in test mode (no request reaches it in these journeys): the site must say so.
    STRIPE_SECRET_KEY: 'sk_test_e2e',
    STRIPE_WEBHOOK_SECRET: 'whsec_e2e',
  },
});
