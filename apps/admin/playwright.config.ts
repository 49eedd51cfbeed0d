import { testEnv } from '@tessera/db/testing';
import { databaseUrl, defineAppSuite, E2E_REALTIME_TOKEN_SECRET } from '@tessera/playwright-config';
import { BOOKING_SITE_URL } from './e2e/booking-site';
import {
  ADMIN_E2E_DATABASE,
  CARD_CONSOLE_PORT,
  CONSOLE_PORT,
  CONSOLE_URL,
  E2E_QUEUE_PREFIX,
  E2E_REALTIME_PORT,
  STRIPE_SIMULATOR_PORT,
  STRIPE_SIMULATOR_URL,
  STRIPE_WEBHOOK_SECRET,
  STRIPE_WEBHOOKS_PORT,
} from './e2e/suite';

const stripeEnv = {
  STRIPE_SECRET_KEY: 'sk_test_e2e_admin',
  STRIPE_API_URL: STRIPE_SIMULATOR_URL,
  STRIPE_WEBHOOK_SECRET,
  PUBLIC_SITE_URL: BOOKING_SITE_URL,
  DATABASE_URL: databaseUrl(ADMIN_E2E_DATABASE),
  REDIS_URL: testEnv.TEST_REDIS_URL,
};

export default defineAppSuite({
  port: CONSOLE_PORT,
  databaseName: ADMIN_E2E_DATABASE,
  // The booking site a refused customer is sent to (not started: only the link is checked).
  env: {
    PUBLIC_SITE_URL: BOOKING_SITE_URL,
    QUEUE_PREFIX: E2E_QUEUE_PREFIX,
    // Invitation emails link back to the console under test.
    CONSOLE_URL,
    NEXT_PUBLIC_REALTIME_URL: `http://127.0.0.1:${E2E_REALTIME_PORT}`,
  },
  extraServers: [
    {
      // The realtime gateway alone, as in the site's suite (the database is recreated after
      // the servers start, and the gateway reads it only when something is pushed). The live
      // feed spec starts the queue role (the outbox relay) itself.
      command: 'pnpm --filter @tessera/worker start',
      port: E2E_REALTIME_PORT,
      env: {
        WORKER_ROLES: 'realtime',
        REALTIME_PORT: String(E2E_REALTIME_PORT),
        REALTIME_ALLOWED_ORIGINS: CONSOLE_URL,
        DATABASE_URL: databaseUrl(ADMIN_E2E_DATABASE),
        REDIS_URL: testEnv.TEST_REDIS_URL,
        PUBLIC_SITE_URL: BOOKING_SITE_URL,
        // Fresh keys per run: the database (so its outbox ids) is recreated each run, and the
        // gateway pushes each outbox id once (remembered for 10 minutes).
        QUEUE_PREFIX: `${E2E_QUEUE_PREFIX}-gateway-${Date.now()}`,
        REALTIME_TOKEN_SECRET: E2E_REALTIME_TOKEN_SECRET,
      },
    },
    {
      command: 'pnpm --filter @tessera/stripe-simulator start',
      port: STRIPE_SIMULATOR_PORT,
      env: {
        STRIPE_SIMULATOR_PORT: String(STRIPE_SIMULATOR_PORT),
        STRIPE_SIMULATOR_PUBLIC_URL: STRIPE_SIMULATOR_URL,
        STRIPE_WEBHOOK_URL: `http://127.0.0.1:${STRIPE_WEBHOOKS_PORT}/api/webhooks/stripe`,
        STRIPE_WEBHOOK_SECRET,
      },
    },
    {
      // The site's webhook code, run by the worker's tsx (the console has no TypeScript runner).
      command: `pnpm --filter @tessera/worker exec tsx ../admin/e2e/stripe-webhooks.ts ${STRIPE_WEBHOOKS_PORT}`,
      port: STRIPE_WEBHOOKS_PORT,
      env: stripeEnv,
    },
    {
      // The same built console with Stripe set up, for sales paid by a payment link.
      command: 'pnpm --filter @tessera/admin start',
      port: CARD_CONSOLE_PORT,
      env: {
        ...stripeEnv,
        PORT: String(CARD_CONSOLE_PORT),
        AUTH_SECRET: testEnv.E2E_AUTH_SECRET,
        AUTH_TRUST_HOST: 'true',
        TICKET_SIGNING_SECRET: testEnv.E2E_TICKET_SIGNING_SECRET,
        REALTIME_TOKEN_SECRET: E2E_REALTIME_TOKEN_SECRET,
        QUEUE_PREFIX: E2E_QUEUE_PREFIX,
        CONSOLE_URL,
      },
    },
  ],
});
