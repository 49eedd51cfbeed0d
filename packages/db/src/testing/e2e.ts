import pg from 'pg';
import { createDb } from '../client';
import { migrateToLatest } from '../migrate';
import { seedDemo } from '../seed/demo';
import { testEnv } from './env';

/** Drops and recreates the database at `url`, then migrates it and seeds the demo. */
export async function recreateDemoDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new pg.Client({ connectionString: testEnv.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const db = createDb(url, { max: 2 });
  try {
    await migrateToLatest(db);
    await seedDemo(db);
  } finally {
    await db.destroy();
  }
}
