import type { Db } from '@tessera/db';
import { sql, type RawBuilder } from 'kysely';

/** How long finished bookkeeping is kept. */
export interface Retention {
  /** Relayed outbox events (the staff live feed reads the latest of them). */
  outboxDays: number;
  /** Stored answers of idempotent calls: a retry after this gets a fresh answer. */
  idempotencyDays: number;
  /** Password reset links, counted from their expiry. */
  resetTokenDays: number;
}

export const DEFAULT_RETENTION: Retention = {
  outboxDays: 30,
  idempotencyDays: 7,
  resetTokenDays: 1,
};

const BATCH = 5_000;
const MAX_BATCHES = 20;

/**
 * Deletes bookkeeping nobody reads any more, in batches of a few thousand rows so no delete
 * holds locks for long; what is left after `MAX_BATCHES` goes at the next run.
 */
export async function pruneOldData(
  db: Db,
  retention: Retention = DEFAULT_RETENTION,
): Promise<Record<keyof Retention, number>> {
  return {
    outboxDays: await inBatches(
      db,
      (limit) => sql`
        DELETE FROM outbox WHERE id IN (
          SELECT id FROM outbox
          WHERE relayed_at IS NOT NULL AND created_at < now() - make_interval(days => ${retention.outboxDays})
          ORDER BY id LIMIT ${limit}
        )`,
    ),
    idempotencyDays: await inBatches(
      db,
      (limit) => sql`
        DELETE FROM idempotency_keys WHERE (scope, key) IN (
          SELECT scope, key FROM idempotency_keys
          WHERE created_at < now() - make_interval(days => ${retention.idempotencyDays})
          LIMIT ${limit}
        )`,
    ),
    resetTokenDays: await inBatches(
      db,
      (limit) => sql`
        DELETE FROM password_reset_tokens WHERE token_hash IN (
          SELECT token_hash FROM password_reset_tokens
          WHERE expires_at < now() - make_interval(days => ${retention.resetTokenDays})
          LIMIT ${limit}
        )`,
    ),
  };
}

async function inBatches(db: Db, statement: (limit: number) => RawBuilder<unknown>) {
  let deleted = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { numAffectedRows = 0n } = await statement(BATCH).execute(db);
    deleted += Number(numAffectedRows);
    if (numAffectedRows < BigInt(BATCH)) break;
  }
  return deleted;
}
