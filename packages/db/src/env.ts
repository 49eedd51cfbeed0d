import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

const isProduction = process.env.NODE_ENV === 'production';

/**
 * Database settings for processes that only need the database (migrate, seed, tests).
 * Development gets a local default; production must say where its database is.
 */
export const dbEnv = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: isProduction
      ? z.url()
      : z.url().default('postgres://postgres@127.0.0.1:5432/tessera'),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  // `next build` loads server modules without running them; a server checks at start.
  skipValidation: process.env.NEXT_PHASE === 'phase-production-build',
});
