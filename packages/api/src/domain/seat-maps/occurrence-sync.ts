import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { InventoryEvents } from '../events/inventory';
import type { Tx } from '../shared/idempotency';

/**
 * Dates to come of a map: a map change reaches their seats in the change's transaction.
 * Dates past keep the seats they were sold with.
 */
const upcomingOccurrences = (seatMapId: string) => sql`
  SELECT id FROM occurrences
  WHERE seat_map_id = ${seatMapId} AND status = 'scheduled' AND starts_at > now()`;

/** New seats go on sale on every date to come: free, or blocked if born blocked. */
export async function stockNewSeats(tx: Tx, seatMapId: string, seatIds: readonly string[]) {
  if (!seatIds.length) return;
  await sql`
    INSERT INTO occurrence_seats (org_id, occurrence_id, seat_id, status)
    SELECT s.org_id, o.id, s.id, CASE WHEN s.blocked THEN 'blocked' ELSE 'free' END
    FROM occurrences o JOIN seats s ON s.seat_map_id = o.seat_map_id AND s.org_id = o.org_id
    WHERE o.id IN (${upcomingOccurrences(seatMapId)}) AND s.id = ANY(${seatIds}::uuid[])
    ON CONFLICT DO NOTHING
  `.execute(tx);
}

/**
 * Seats just blocked stop being on sale on the dates to come where they are free; seats
 * just unblocked go back on sale where they were blocked. Held and sold seats keep their
 * customer: a sale is never undone by the editor.
 */
export async function applyBlocking(tx: Tx, seatMapId: string, seatIds: readonly string[]) {
  await sql`
    UPDATE occurrence_seats os
    SET status = CASE WHEN s.blocked THEN 'blocked' ELSE 'free' END, updated_at = now()
    FROM seats s
    WHERE os.seat_id = s.id AND s.id = ANY(${seatIds}::uuid[])
      AND os.occurrence_id IN (${upcomingOccurrences(seatMapId)})
      AND ((s.blocked AND os.status = 'free') OR (NOT s.blocked AND os.status = 'blocked'))
  `.execute(tx);
}

/**
 * Capacity of each date to come: its seats on sale or sold (blocked ones are not stock).
 * Returns those dates, whose availability screens are told once the change commits.
 */
export async function recountCapacity(tx: Tx, seatMapId: string): Promise<string[]> {
  const updated = await sql<{ id: string }>`
    UPDATE occurrences o
    SET capacity = (SELECT count(*) FROM occurrence_seats os
                    WHERE os.occurrence_id = o.id AND os.status <> 'blocked')
    WHERE o.id IN (${upcomingOccurrences(seatMapId)})
    RETURNING o.id
  `.execute(tx);
  return updated.rows.map((row) => row.id);
}

export interface SeatMapDeps {
  requestId: string;
  events: InventoryEvents;
}

/** After commit: screens showing those dates refetch their seats. */
export function announceChanges(events: InventoryEvents, orgId: string, occurrenceIds: string[]) {
  for (const occurrenceId of occurrenceIds) events.changed({ orgId, occurrenceId });
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * Deletes seats and their rows on every date, or refuses without changing anything when a
 * customer has any of them. Rows no customer has (free, blocked, or held by an expired
 * hold, which the next claim may take anyway) are deleted first, under row locks:
 * a claim racing this change either took its seat before (the row is still there, held,
 * and counted below) or finds the row gone afterwards. Whatever remains is held or sold.
 */
export async function removeSeats(tx: Tx, seatIds: readonly string[], what: string) {
  if (!seatIds.length) return;
  const ids = sql`${seatIds}::uuid[]`;
  await sql`
    DELETE FROM occurrence_seats
    WHERE seat_id = ANY(${ids})
      AND (status IN ('free', 'blocked') OR (status = 'held' AND held_until < now()))
  `.execute(tx);
  const kept = await sql<{ sold: number; held: number; booked: number }>`
    SELECT
      (SELECT count(DISTINCT seat_id)::int FROM occurrence_seats
        WHERE seat_id = ANY(${ids}) AND status = 'sold') AS sold,
      (SELECT count(DISTINCT seat_id)::int FROM occurrence_seats
        WHERE seat_id = ANY(${ids}) AND status = 'held') AS held,
      (SELECT count(DISTINCT seat_id)::int FROM booking_items
        WHERE seat_id = ANY(${ids})) AS booked
  `.execute(tx);
  const { sold = 0, held = 0, booked = 0 } = kept.rows[0] ?? {};
  if (sold || held)
    throw new AppError(
      'CONFLICT',
      `${what} cannot be removed: ${plural(sold, 'seat is', 'seats are')} sold and ` +
        `${plural(held, 'seat is', 'seats are')} held on its dates. Block seats instead, or ` +
        'move or cancel those bookings first.',
      { sold, held, booked },
    );
  if (booked)
    throw new AppError(
      'CONFLICT',
      `${what} cannot be removed: ${plural(booked, 'seat appears', 'seats appear')} in ` +
        'bookings, past or cancelled, which keep them. Block those seats instead.',
      { sold, held, booked },
    );
  // No hold holds any of these seats now (checked above), so their hold lines are stale:
  // lines of holds released or expired, kept only as history of a dead hold.
  await sql`DELETE FROM hold_items WHERE seat_id = ANY(${ids})`.execute(tx);
  await sql`DELETE FROM seats WHERE id = ANY(${ids})`.execute(tx);
}
