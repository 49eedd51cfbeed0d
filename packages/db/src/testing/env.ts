import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

/** Where integration tests find a PostgreSQL server and Redis (this machine runs both). */
export const testEnv = createEnv({
  server: {
    TEST_DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/postgres'),
    TEST_REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
    /** Debian's Chromium for Playwright. */
    CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
    /** Signs sessions of the apps under end-to-end test; never a production secret. */
    E2E_AUTH_SECRET: z.string().min(32).default('e2e-only-secret-0123456789abcdef0123456789'),
    /** Signs ticket QR codes in the apps under end-to-end test; the tests verify with it. */
    E2E_TICKET_SIGNING_SECRET: z
      .string()
      .min(32)
      .default('e2e-only-ticket-key-0123456789abcdef012345'),
    CI: z.stringbool().default(false),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

/** The environment for a script a test runs as a child process: this one, with overrides. */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
