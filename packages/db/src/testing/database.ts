import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDb, type Db } from '../client';
import { migrateToLatest, migrations } from '../migrate';
import { testEnv } from './env';

/**
 * Test databases: the migrations are applied once to a template database whose name is a
 * hash of the migration sources, and each test file gets its own copy of it
 * (`CREATE DATABASE ... TEMPLATE`, a file copy: far faster than migrating again).
 */

const serverUrl = () => testEnv.TEST_DATABASE_URL;

function withDatabase(url: string, name: string): string {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return copy.toString();
}

function templateName(): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(migrations)) {
    hash.update(name);
    hash.update(readFileSync(fileURLToPath(new URL(`../migrations/${name}.ts`, import.meta.url))));
  }
  return `tessera_tpl_${hash.digest('hex').slice(0, 12)}`;
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function ensureTemplate(name: string): Promise<void> {
  await withAdmin(async (admin) => {
    // Test files start in parallel: one builds the template, the others wait on the lock.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const { rows } = await admin.query<{ ready: boolean }>(
        `SELECT coalesce(shobj_description(oid, 'pg_database') = 'ready', false) AS ready
         FROM pg_database WHERE datname = $1`,
        [name],
      );
      if (rows[0]?.ready) return;
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.query(`CREATE DATABASE "${name}"`);
      const db = createDb(withDatabase(serverUrl(), name), { max: 1 });
      try {
        await migrateToLatest(db);
      } finally {
        await db.destroy();
      }
      await admin.query(`COMMENT ON DATABASE "${name}" IS 'ready'`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

export interface TestDatabase {
  db: Db;
  url: string;
  name: string;
  /** Closes the pool and drops the copy. */
  drop: () => Promise<void>;
}

export async function createTestDatabase({ poolSize = 5 }: { poolSize?: number } = {}): Promise<TestDatabase> {
  const template = templateName();
  await ensureTemplate(template);
  const name = `tessera_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = withDatabase(serverUrl(), name);
  const db = createDb(url, { max: poolSize });
  return {
    db,
    url,
    name,
    drop: async () => {
      await db.destroy();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}"`));
    },
  };
}
