import { createDb, type Db } from '@tessera/db';
import { databaseUrl } from '@tessera/playwright-config';
import { ADMIN_E2E_DATABASE } from './suite';

/** The suite's demo database, for data a test sets up that no screen creates. */
export async function withSuiteDatabase<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(databaseUrl(ADMIN_E2E_DATABASE), { max: 1 });
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}
