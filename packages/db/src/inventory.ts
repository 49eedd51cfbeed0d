import { sql } from 'kysely';
import type { Db } from './client';

/**
 * Creates the claimable rows of an occurrence: one occurrence_seats row per seat of its map
 * ('blocked' for blocked seats) and, for each active ticket type with a quota, an
 * occurrence_ticket_types row and that many ticket_units. Idempotent: existing rows stay.
 */
export async function stockOccurrence(db: Db, occurrenceId: string): Promise<void> {
  await sql`
    INSERT INTO occurrence_seats (org_id, occurrence_id, seat_id, status)
    SELECT s.org_id, o.id, s.id, CASE WHEN s.blocked THEN 'blocked' ELSE 'free' END
    FROM occurrences o JOIN seats s ON s.seat_map_id = o.seat_map_id AND s.org_id = o.org_id
    WHERE o.id = ${occurrenceId}
    ON CONFLICT DO NOTHING
  `.execute(db);
  await sql`
    INSERT INTO occurrence_ticket_types (org_id, occurrence_id, ticket_type_id, quota)
    SELECT t.org_id, o.id, t.id, t.quota_per_occurrence
    FROM occurrences o JOIN ticket_types t ON t.offering_id = o.offering_id
    WHERE o.id = ${occurrenceId} AND t.active AND t.quota_per_occurrence IS NOT NULL
    ON CONFLICT DO NOTHING
  `.execute(db);
  await sql`
    INSERT INTO ticket_units (org_id, occurrence_id, ticket_type_id, unit_no)
    SELECT q.org_id, q.occurrence_id, q.ticket_type_id, n
    FROM occurrence_ticket_types q, generate_series(1, q.quota) AS n
    WHERE q.occurrence_id = ${occurrenceId}
    ON CONFLICT DO NOTHING
  `.execute(db);
}
