/**
 * Drops everything in the database named by DATABASE_URL, migrates and seeds the demo
 * (`pnpm db:reset`). Development only: refuses when NODE_ENV=production.
 */
import { sql } from 'kysely';
import { createDb } from '../client';
import { dbEnv } from '../env';
import { migrateToLatest } from '../migrate';
import { DEMO, assertDemoSeedAllowed, seedDemo } from '../seed';
import { ensureDatabase } from './ensure-database';
import { printDemoSummary } from './summary';

if (dbEnv.NODE_ENV === 'production') {
  console.error('Refusing to reset the database with NODE_ENV=production: it drops every table.');
  process.exit(1);
}
assertDemoSeedAllowed(dbEnv.NODE_ENV);

const url = new URL(dbEnv.DATABASE_URL);
console.log(`resetting ${url.host}${url.pathname}`);
const started = performance.now();
await ensureDatabase(dbEnv.DATABASE_URL);
const db = createDb(dbEnv.DATABASE_URL, { max: 2 });
try {
  await sql`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`.execute(db);
  const migrated = await migrateToLatest(db);
  console.log(`migrated ${migrated.length} migrations`);
  await seedDemo(db);
  console.log(`reset, migrated and seeded in ${Math.round(performance.now() - started)} ms`);
  await printDemoSummary(db);
  console.log(`\nDemo logins: ${Object.values(DEMO.staff).join(', ')}, ${DEMO.customer} (password "${DEMO.password}")`);
} finally {
  await db.destroy();
}
