import { testEnv } from '@tessera/db/testing';

/** The suite's own database on the test server: recreated, migrated and seeded before each run. */
export const E2E_DATABASE_NAME = 'tessera_e2e_admin';

export function databaseUrl(name: string): string {
  const url = new URL(testEnv.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export const e2eDatabaseUrl = databaseUrl(E2E_DATABASE_NAME);
export const e2eRedisUrl = testEnv.TEST_REDIS_URL;
