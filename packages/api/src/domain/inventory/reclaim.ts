import { sql } from 'kysely';
import type { Tx } from '../shared/idempotency';

// A late payment re-claims for a few minutes: enough to sell within the same transaction.
const RECLAIM_FOR = sql`now() + interval '5 minutes'`;

/**
 * A payment arrived after its hold lapsed: takes back for the hold whatever it lost that is
 * still free (the same seats, any units of the same ticket types, the same slots), all or
 * nothing. Waits on rows others are claiming instead of skipping them: this path is rare and
 * must not refund a customer because of a passing lock.
 */
export async function reclaimInventoryOfHold(tx: Tx, holdId: string): Promise<boolean> {
  await sql`SAVEPOINT reclaim_inventory`.execute(tx);
  const complete =
    (await reclaimSeats(tx, holdId)) &&
    (await reclaimUnits(tx, holdId)) &&
    (await reclaimSlots(tx, holdId));
  await sql
    .raw(
      complete ? 'RELEASE SAVEPOINT reclaim_inventory' : 'ROLLBACK TO SAVEPOINT reclaim_inventory',
    )
    .execute(tx);
  return complete;
}

async function reclaimSeats(tx: Tx, holdId: string): Promise<boolean> {
  const { rows } = await sql<{ wanted: number; claimed: number }>`
    WITH wanted AS (
      SELECT hi.seat_id, h.occurrence_id FROM hold_items hi JOIN holds h ON h.id = hi.hold_id
      WHERE hi.hold_id = ${holdId} AND hi.kind = 'seat'
    ), claimable AS MATERIALIZED (
      SELECT os.occurrence_id, os.seat_id FROM occurrence_seats os
      JOIN wanted w ON w.seat_id = os.seat_id AND w.occurrence_id = os.occurrence_id
      WHERE os.status = 'free' OR (os.status = 'held' AND (os.hold_id = ${holdId} OR os.held_until < now()))
      FOR UPDATE OF os
    ), claimed AS (
      UPDATE occurrence_seats s SET status = 'held', hold_id = ${holdId}, held_until = ${RECLAIM_FOR}, updated_at = now()
      FROM claimable c WHERE s.occurrence_id = c.occurrence_id AND s.seat_id = c.seat_id
      RETURNING s.seat_id
    )
    SELECT (SELECT count(*) FROM wanted)::int AS wanted, (SELECT count(*) FROM claimed)::int AS claimed
  `.execute(tx);
  return rows[0]?.wanted === rows[0]?.claimed;
}

async function reclaimUnits(tx: Tx, holdId: string): Promise<boolean> {
  const items = await tx
    .selectFrom('holdItems as hi')
    .innerJoin('holds as h', 'h.id', 'hi.holdId')
    .select(['hi.ticketTypeId', 'hi.quantity', 'h.occurrenceId'])
    .where('hi.holdId', '=', holdId)
    .where('hi.kind', '=', 'ticket')
    .execute();
  for (const item of items) {
    const { rows } = await sql<{ claimed: number }>`
      WITH claimable AS MATERIALIZED (
        SELECT unit_no FROM ticket_units
        WHERE occurrence_id = ${item.occurrenceId} AND ticket_type_id = ${item.ticketTypeId} AND status <> 'sold'
          AND (status = 'free' OR hold_id = ${holdId} OR held_until < now())
        ORDER BY (hold_id = ${holdId}) DESC NULLS LAST, unit_no
        LIMIT ${item.quantity}
        FOR UPDATE
      ), claimed AS (
        UPDATE ticket_units u SET status = 'held', hold_id = ${holdId}, held_until = ${RECLAIM_FOR}, updated_at = now()
        FROM claimable c
        WHERE u.occurrence_id = ${item.occurrenceId} AND u.ticket_type_id = ${item.ticketTypeId} AND u.unit_no = c.unit_no
        RETURNING 1
      )
      SELECT count(*)::int AS claimed FROM claimed
    `.execute(tx);
    if ((rows[0]?.claimed ?? 0) < item.quantity) return false;
  }
  return true;
}

async function reclaimSlots(tx: Tx, holdId: string): Promise<boolean> {
  // A released slot row is taken back by reviving it, if nothing live overlaps it now.
  const lost = await tx
    .selectFrom('slotReservations')
    .select(['id'])
    .where('holdId', '=', holdId)
    .where('bookingId', 'is', null)
    .where('releasedAt', 'is not', null)
    .execute();
  for (const row of lost) {
    // Lapsed holds overlapping it give way first, as in any claim (invariant 2).
    await sql`
      UPDATE slot_reservations o SET released_at = now()
      FROM slot_reservations r
      WHERE r.id = ${row.id} AND o.resource_id = r.resource_id AND o.id <> r.id AND o.released_at IS NULL
        AND o.booking_id IS NULL AND o.held_until < now() AND o.period && r.period
    `.execute(tx);
    const { rows } = await sql<{ id: string }>`
      UPDATE slot_reservations r SET released_at = NULL, held_until = ${RECLAIM_FOR}
      WHERE r.id = ${row.id} AND NOT EXISTS (
        SELECT 1 FROM slot_reservations o
        WHERE o.resource_id = r.resource_id AND o.id <> r.id AND o.released_at IS NULL AND o.period && r.period
          AND (o.booking_id IS NOT NULL OR o.held_until >= now())
      )
      RETURNING r.id
    `.execute(tx);
    if (!rows.length) return false;
  }
  return true;
}
