import { createHash } from 'node:crypto';
import type { Db } from '@tessera/db';
import { sql, type Transaction } from 'kysely';
import superjson from 'superjson';
import type { Database } from '@tessera/db';
import { AppError } from '../../errors';

export type Tx = Transaction<Database>;

export interface IdempotentCall {
  /** What the key is unique within: the operation and the caller (`holds.create:user:<id>`). */
  scope: string;
  key: string | undefined;
  /** The request, minus the key: the same key with another request is refused. */
  request: unknown;
}

function requestHash(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/**
 * Runs `work` in a transaction, at most once per (scope, key) (ARCHITECTURE.md, invariant 5).
 * The key row is inserted first in the same transaction: a concurrent retry waits on it
 * and then reads the stored answer; a rolled-back attempt leaves no key behind.
 */
export async function idempotent<T>(
  db: Db,
  call: IdempotentCall,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (!call.key) return db.transaction().execute(work);
  const { scope, key } = call;
  const hash = requestHash(call.request);
  return db.transaction().execute(async (tx) => {
    const claimed = await tx
      .insertInto('idempotencyKeys')
      .values({ scope, key, requestHash: hash })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const earlier = await tx
        .selectFrom('idempotencyKeys')
        .select(['requestHash', 'response'])
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (earlier.requestHash !== hash) {
        throw new AppError(
          'IDEMPOTENCY_MISMATCH',
          'This idempotency key was already used for a different request.',
        );
      }
      return superjson.parse<T>(JSON.stringify(earlier.response));
    }
    const result = await work(tx);
    await tx
      .updateTable('idempotencyKeys')
      .set({ response: sql`${superjson.stringify(result)}::jsonb` })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
    return result;
  });
}
