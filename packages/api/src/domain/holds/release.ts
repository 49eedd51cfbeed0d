import type { Db } from '@tessera/db';
import { CompiledQuery } from 'kysely';
import { AppError } from '../../errors';
import type { InventoryEvents } from '../events/inventory';

// hold_id is compared with the value, not with the CTE's id: the planner can then use the
// partial hold_id indexes (a sub-select hides that it is not null). EXISTS gates on the update.
// Not a prepared statement: a generic plan, blind to the hold id, chose to scan every live
// slot reservation (the exclusion index) and a release took 0.5 s with 1M reservations.
const RELEASE_SQL = `
  WITH hold AS (
    UPDATE holds SET status = 'released', ended_at = now()
    WHERE id = $1::uuid AND status = 'active'
    RETURNING id, org_id, occurrence_id
  ), seats AS (
    UPDATE occurrence_seats SET status = 'free', hold_id = NULL, held_until = NULL, updated_at = now()
    WHERE hold_id = $1::uuid AND status = 'held' AND EXISTS (SELECT FROM hold)
  ), units AS (
    UPDATE ticket_units SET status = 'free', hold_id = NULL, held_until = NULL, updated_at = now()
    WHERE hold_id = $1::uuid AND status = 'held' AND EXISTS (SELECT FROM hold)
  ), slots AS (
    UPDATE slot_reservations SET released_at = now()
    WHERE hold_id = $1::uuid AND released_at IS NULL AND booking_id IS NULL AND EXISTS (SELECT FROM hold)
  ), outbox AS (
    INSERT INTO outbox (org_id, aggregate_type, aggregate_id, event_type, payload)
    SELECT org_id, 'hold', id::text, 'inventory.released', jsonb_build_object('holdId', id, 'occurrenceId', occurrence_id)
    FROM hold
  )
  SELECT id, org_id, occurrence_id FROM hold`;

/**
 * The customer gives the inventory back before the hold runs out. Releasing twice is a no-op.
 * ONE statement, so atomic without BEGIN/COMMIT: the hold, what it still holds (the same rows
 * `releaseInventoryOfHold` frees; sold rows untouched) and the outbox event (invariant 4).
 */
export async function releaseHold(
  db: Db,
  holdId: string,
  deps: { events: InventoryEvents },
): Promise<void> {
  const { rows } = await db.executeQuery<{
    id: string;
    orgId: string;
    occurrenceId: string | null;
  }>(CompiledQuery.raw(RELEASE_SQL, [holdId]));
  const released = rows[0];
  if (!released) {
    // Rare path: say why nothing was released.
    const exists = await db
      .selectFrom('holds')
      .select('status')
      .where('id', '=', holdId)
      .executeTakeFirst();
    if (!exists) throw new AppError('NOT_FOUND', 'This hold was not found.');
    if (exists.status === 'converted')
      throw new AppError('CONFLICT', 'This hold has already been booked.');
    return;
  }
  deps.events.changed({ orgId: released.orgId, occurrenceId: released.occurrenceId ?? undefined });
}
