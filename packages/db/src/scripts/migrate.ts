import { createDb } from '../client';
import { dbEnv } from '../env';
import { migrateToLatest } from '../migrate';
import { ensureDatabase } from './ensure-database';

await ensureDatabase(dbEnv.DATABASE_URL);
const db = createDb(dbEnv.DATABASE_URL, { max: 1 });
try {
  const results = await migrateToLatest(db);
  console.log(results.length ? results.map((r) => `migrated ${r.migrationName}`).join('\n') : 'database is up to date');
} finally {
  await db.destroy();
}
