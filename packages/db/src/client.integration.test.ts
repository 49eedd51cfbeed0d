import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, prepared, type Db } from './client';
import { createTestDatabase, type TestDatabase } from './testing';

let test: TestDatabase;
let db: Db;
beforeAll(async () => {
  test = await createTestDatabase();
  // One connection, so the statements below all see the same session.
  db = createDb(test.url, { max: 1 });
});
afterAll(async () => {
  await db.destroy();
  await test.drop();
});

const preparedOnConnection = async () =>
  (
    await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(db)
  ).rows.map((row) => row.statement);

describe('prepared statements', () => {
  it('prepare a registered text once per connection and leave others unprepared', async () => {
    const hot = prepared('SELECT $1::int + 1 AS next');
    const cold = 'SELECT $1::int + 2 AS next';
    for (const value of [1, 2, 3]) {
      const { rows } = await db.executeQuery<{ next: number }>(CompiledQuery.raw(hot, [value]));
      expect(rows).toEqual([{ next: value + 1 }]);
      await db.executeQuery(CompiledQuery.raw(cold, [value]));
    }
    const statements = await preparedOnConnection();
    expect(statements.filter((text) => text === hot)).toHaveLength(1);
    expect(statements).not.toContain(cold);
  });
});
