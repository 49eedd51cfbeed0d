import { defineAppSuite } from '@tessera/playwright-config';

const SITE_URL = 'http://127.0.0.1:3100';
const SIMULATOR_PORT = 12199;
const SIMULATOR_URL = `http://127.0.0.1:${SIMULATOR_PORT}`;
const WEBHOOK_SECRET = 'whsec_e2e';

export default defineAppSuite({
  port: 3100,
  databaseName: 'tessera_e2e_web',
  env: {
    NEXT_PUBLIC_ADMIN_URL: 'http://127.0.0.1:3101',
    PUBLIC_SITE_URL: SITE_URL,
    // Stripe in test mode, served by the local simulator: the site must say so (banner).
    STRIPE_SECRET_KEY: 'sk_test_e2e',
    STRIPE_API_URL: SIMULATOR_URL,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  },
  extraServers: [
    {
      command: 'pnpm --filter @tessera/stripe-simulator start',
      port: SIMULATOR_PORT,
      env: {
        STRIPE_SIMULATOR_PORT: String(SIMULATOR_PORT),
        STRIPE_SIMULATOR_PUBLIC_URL: SIMULATOR_URL,
        STRIPE_WEBHOOK_URL: `${SITE_URL}/api/webhooks/stripe`,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      },
    },
  ],
});
