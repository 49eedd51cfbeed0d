import { test as base, type TestInfo } from '@playwright/test';
import { createDb, type Db } from '@tessera/db';
import { databaseUrl } from '@tessera/playwright-config';
import { E2E_DATABASE } from './database-name';

/**
 * Each test is its own client: the API limits live holds per client address and all
 * tests come from 127.0.0.1, so each one (and each retry) sends its own forwarded address.
 */
export function clientAddress(testInfo: TestInfo, customer = 0): string {
  const n = [...`${testInfo.testId}:${testInfo.retry}:${customer}`].reduce(
    (hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0,
    11,
  );
  return `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** An email no other test (or retry) uses. */
export const uniqueEmail = (testInfo: TestInfo, label = 'e2e') =>
  `${label}-${testInfo.workerIndex}-${testInfo.retry}-${Date.now()}@example.test`;

/**
 * `db`: the suite's database, for creating each test's own data with the seed factories
 * and for reading what a person cannot see (the emails the worker recorded).
 */
export const test = base.extend<object, { db: Db }>({
  db: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, provide) => {
      const db = createDb(databaseUrl(E2E_DATABASE), { max: 2 });
      await provide(db);
      await db.destroy();
    },
    { scope: 'worker' },
  ],
  page: async ({ page }, provide, testInfo) => {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': clientAddress(testInfo) });
    await provide(page);
  },
});

export { expect } from '@playwright/test';
