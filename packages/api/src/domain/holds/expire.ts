import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import type { InventoryEvents } from '../events/inventory';
import { releaseInventoryOfHold } from '../inventory/release';
import { enqueueOutbox } from '../shared/outbox';

/**
 * Marks holds past their expiry as expired and frees what they still hold. Correctness never
 * waits for this (claims reclaim expired rows themselves, invariant 2): it tidies up and
 * tells the outbox, so waitlists and screens hear about the released inventory.
 */
/**
 * How long until the next active hold lapses, in milliseconds on the database's clock (the
 * one `expires_at` and every claim use); null when no hold is active.
 */
export async function untilNextHoldExpiry(db: Db): Promise<number | null> {
  const { rows } = await sql<{ ms: number | null }>`
    SELECT (extract(epoch FROM min(expires_at) - now()) * 1000)::float8 AS ms
    FROM holds WHERE status = 'active'
  `.execute(db);
  return rows[0]?.ms ?? null;
}

export async function expireHolds(
  db: Db,
  deps: { events: InventoryEvents },
  batchSize = 500,
): Promise<number> {
  const expired = await db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ id: string; orgId: string; occurrenceId: string | null }>`
      UPDATE holds SET status = 'expired', ended_at = now()
      WHERE id IN (
        SELECT id FROM holds WHERE status = 'active' AND expires_at <= now()
        ORDER BY expires_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED
      )
      RETURNING id, org_id, occurrence_id
    `.execute(tx);
    for (const hold of rows) await releaseInventoryOfHold(tx, hold.id);
    await enqueueOutbox(
      tx,
      rows.flatMap((hold) => [
        {
          orgId: hold.orgId,
          aggregateType: 'hold' as const,
          aggregateId: hold.id,
          eventType: 'hold.expired' as const,
          payload: { holdId: hold.id },
        },
        {
          orgId: hold.orgId,
          aggregateType: 'hold' as const,
          aggregateId: hold.id,
          eventType: 'inventory.released' as const,
          payload: { holdId: hold.id, occurrenceId: hold.occurrenceId },
        },
      ]),
    );
    return rows;
  });
  for (const hold of expired)
    deps.events.changed({ orgId: hold.orgId, occurrenceId: hold.occurrenceId ?? undefined });
  return expired.length;
}
