/**
 * Regenerates src/schema.ts (the `Database` interface) from the migrations: migrates a
 * scratch database, then runs kysely-codegen. Status and kind columns are text with
 * `CHECK (col IN (...))`; those lists become string-literal unions here, so the types
 * and the constraints cannot drift apart. `--verify` fails when schema.ts is stale.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createDb } from '../client';
import { dbEnv } from '../env';
import { migrateToLatest } from '../migrate';
import { ensureDatabase } from './ensure-database';

const verify = process.argv.includes('--verify');
const url = new URL(dbEnv.DATABASE_URL);
url.pathname = '/tessera_codegen';

await ensureDatabase(url.toString());
const db = createDb(url.toString(), { max: 1 });
try {
  await sql`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`.execute(db);
  await migrateToLatest(db);
  const { rows } = await sql<{ table: string; column: string; definition: string; hasDefault: boolean }>`
    SELECT rel.relname AS "table", att.attname AS "column", pg_get_constraintdef(con.oid) AS definition,
           att.atthasdef AS "hasDefault"
    FROM pg_constraint con
    JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_attribute att ON att.attrelid = rel.oid AND att.attnum = con.conkey[1]
    WHERE con.contype = 'c' AND cardinality(con.conkey) = 1
      AND (pg_get_constraintdef(con.oid) LIKE '%= ANY%' OR pg_get_constraintdef(con.oid) LIKE '%<@ ARRAY%')
  `.execute(db);
  const columns: Record<string, string> = {};
  for (const { table, column, definition, hasDefault } of rows) {
    const values = [...definition.matchAll(/'([^']+)'::text/g)].map((match) => JSON.stringify(match[1]));
    // Array columns (api_keys.scopes) hold several of the values.
    const union = values.join(' | ');
    const type = definition.includes('<@') ? `(${union})[]` : union;
    columns[`${table}.${column}`] = hasDefault ? `Generated<${type}>` : type;
  }
  const out = fileURLToPath(new URL('../schema.ts', import.meta.url));
  execFileSync(
    'kysely-codegen',
    [
      '--dialect=postgres',
      `--url=${url.toString()}`,
      `--out-file=${out}`,
      '--camel-case',
      '--date-parser=string',
      `--type-mapping=${JSON.stringify({ int8: 'number' })}`,
      `--overrides=${JSON.stringify({ columns })}`,
      '--exclude-pattern=kysely_*',
      ...(verify ? ['--verify'] : []),
      '--log-level=warn',
    ],
    { stdio: 'inherit' },
  );
} finally {
  await db.destroy();
}
