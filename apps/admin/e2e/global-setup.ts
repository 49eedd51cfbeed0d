import { createDb, migrateToLatest } from '@tessera/db';
import { seedDemo } from '@tessera/db/seed';
import { testEnv } from '@tessera/db/testing';
import pg from 'pg';
import { E2E_DATABASE_NAME, e2eDatabaseUrl } from './database';

/**
 * A fresh database for each run: dropped, created, migrated and seeded with the demo data.
 * Playwright starts the console server before this runs; the server opens no database
 * connection until a page needs one, and the readiness URL (/signin) needs none.
 */
export default async function globalSetup(): Promise<void> {
  const admin = new pg.Client({ connectionString: testEnv.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${E2E_DATABASE_NAME}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${E2E_DATABASE_NAME}"`);
  } finally {
    await admin.end();
  }

  const db = createDb(e2eDatabaseUrl, { max: 2 });
  try {
    await migrateToLatest(db);
    await seedDemo(db);
  } finally {
    await db.destroy();
  }
}
