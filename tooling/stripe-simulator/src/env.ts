import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

/** Settings of the standalone simulator (`pnpm --filter @tessera/stripe-simulator start`). */
export const env = createEnv({
  server: {
    STRIPE_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(12111),
    /** Where checkout pages are reached from a browser; defaults to http://localhost:<port>. */
    STRIPE_SIMULATOR_PUBLIC_URL: z.url().optional(),
    /** Address to listen on; 127.0.0.1 keeps the simulator off the network. */
    STRIPE_SIMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
    STRIPE_WEBHOOK_URL: z.url().default('http://localhost:3000/api/webhooks/stripe'),
    // A made-up development secret: the simulator only ever signs its own test events.
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').default('whsec_tessera_simulator'),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
