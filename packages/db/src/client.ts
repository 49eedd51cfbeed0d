import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB as Database } from './schema';

// int8 (counts, bigserial ids) as numbers: every value we store fits well inside 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// `date` columns are calendar days in a venue's zone: keep them as 'YYYY-MM-DD', never shift them.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Db = Kysely<Database>;

export interface CreateDbOptions {
  /** Pool size; a Next.js server and the worker each hold one pool. */
  max?: number;
}

export function createDb(connectionString: string, options: CreateDbOptions = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // Tables and columns are snake_case in SQL and camelCase in TypeScript.
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}
