import { createOrg, createUser } from '@tessera/db/seed';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../../testing/api-test';
import { enqueueOutbox } from '../shared/outbox';
import { pruneOldData } from './prune';

let t: ApiTest;
afterAll(() => t.close());
beforeAll(async () => {
  t = await setupApiTest();
});

const daysAgo = (days: number) => sql<Date>`now() - make_interval(days => ${days})`;

describe('pruneOldData', () => {
  it('deletes relayed outbox rows, stored idempotent answers and reset links past retention, and nothing else', async () => {
    const org = await createOrg(t.db);
    const user = await createUser(t.db, { email: `prune-${crypto.randomUUID()}@example.com` });
    const event = (aggregateId: string) => ({
      orgId: org.id,
      aggregateType: 'hold' as const,
      aggregateId,
      eventType: 'hold.expired' as const,
      payload: {},
    });
    const keep = crypto.randomUUID();
    const drop = crypto.randomUUID();
    const pending = crypto.randomUUID();
    await t.db
      .transaction()
      .execute((tx) => enqueueOutbox(tx, [event(keep), event(drop), event(pending)]));
    await sql`UPDATE outbox SET created_at = ${daysAgo(31)}, relayed_at = ${daysAgo(31)} WHERE aggregate_id = ${drop}`.execute(
      t.db,
    );
    await sql`UPDATE outbox SET relayed_at = now() WHERE aggregate_id = ${keep}`.execute(t.db);
    // Never relayed: kept however old, the relay still owes it.
    await sql`UPDATE outbox SET created_at = ${daysAgo(90)} WHERE aggregate_id = ${pending}`.execute(
      t.db,
    );

    const scope = `prune-${crypto.randomUUID()}`;
    await t.db
      .insertInto('idempotencyKeys')
      .values([
        { scope, key: 'old-answer', requestHash: 'h', createdAt: daysAgo(8) },
        { scope, key: 'new-answer', requestHash: 'h' },
      ])
      .execute();
    await t.db
      .insertInto('passwordResetTokens')
      .values([
        { tokenHash: `old-${scope}`, userId: user.id, expiresAt: daysAgo(2) },
        {
          tokenHash: `new-${scope}`,
          userId: user.id,
          expiresAt: sql<Date>`now() + interval '1 hour'`,
        },
      ])
      .execute();

    const pruned = await pruneOldData(t.db);
    expect(pruned.outboxDays).toBeGreaterThanOrEqual(1);
    expect(pruned.idempotencyDays).toBeGreaterThanOrEqual(1);
    expect(pruned.resetTokenDays).toBeGreaterThanOrEqual(1);

    const outbox = await t.db
      .selectFrom('outbox')
      .select('aggregateId')
      .where('aggregateId', 'in', [keep, drop, pending])
      .execute();
    expect(outbox.map((row) => row.aggregateId).sort()).toEqual([keep, pending].sort());
    const keys = await t.db
      .selectFrom('idempotencyKeys')
      .select('key')
      .where('scope', '=', scope)
      .execute();
    expect(keys).toEqual([{ key: 'new-answer' }]);
    const tokens = await t.db
      .selectFrom('passwordResetTokens')
      .select('tokenHash')
      .where('tokenHash', 'like', `%${scope}`)
      .execute();
    expect(tokens).toEqual([{ tokenHash: `new-${scope}` }]);
  });
});
