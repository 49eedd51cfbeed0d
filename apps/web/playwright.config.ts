import { testEnv } from '@tessera/db/testing';
import { databaseUrl, defineAppSuite, E2E_REALTIME_TOKEN_SECRET } from '@tessera/playwright-config';

const SITE_URL = 'http://127.0.0.1:3100';
const SIMULATOR_PORT = 12199;
const SIMULATOR_URL = `http://127.0.0.1:${SIMULATOR_PORT}`;
const WEBHOOK_SECRET = 'whsec_e2e';
const DATABASE = 'tessera_e2e_web';
const REALTIME_PORT = 3130;

export default defineAppSuite({
  port: 3100,
  databaseName: DATABASE,
  env: {
    NEXT_PUBLIC_ADMIN_URL: 'http://127.0.0.1:3101',
    // Required in production (as `next start` runs): links in staff emails point there.
    CONSOLE_URL: 'http://127.0.0.1:3101',
    NEXT_PUBLIC_REALTIME_URL: `http://127.0.0.1:${REALTIME_PORT}`,
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
    {
      // The realtime gateway alone: it reads the suite's database only when inventory changes
      // (the database is recreated after the servers start). No relay here, so booking pages
      // turn confirmed by polling, and seat maps update by push.
      command: 'pnpm --filter @tessera/worker start',
      port: REALTIME_PORT,
      env: {
        WORKER_ROLES: 'realtime',
        REALTIME_PORT: String(REALTIME_PORT),
        DATABASE_URL: databaseUrl(DATABASE),
        REDIS_URL: testEnv.TEST_REDIS_URL,
        PUBLIC_SITE_URL: SITE_URL,
        QUEUE_PREFIX: 'tessera-e2e-web',
        REALTIME_TOKEN_SECRET: E2E_REALTIME_TOKEN_SECRET,
      },
    },
  ],
});
