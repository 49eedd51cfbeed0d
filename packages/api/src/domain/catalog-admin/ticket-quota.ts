import { sql } from 'kysely';
import { AppError } from '../../errors';
import { formatWhen } from '../notifications/templates';
import type { Tx } from '../shared/idempotency';

/**
 * Brings a general-admission ticket type to `quota` units on each of its dates to come
 * (past and cancelled dates keep theirs). The stock is the ticket_units rows, so the
 * quota row, the units and the nominal capacity move together. Returns the dates changed.
 */
export async function setQuotaOfDatesToCome(
  tx: Tx,
  ticketType: { id: string; name: string; timeZone: string },
  quota: number,
): Promise<string[]> {
  // Locked in date order, so two edits of one ticket type queue instead of deadlocking.
  const { rows: dates } = await sql<{ occurrenceId: string; quota: number; startsAt: Date }>`
    SELECT q.occurrence_id AS "occurrenceId", q.quota, o.starts_at AS "startsAt"
    FROM occurrence_ticket_types q JOIN occurrences o ON o.id = q.occurrence_id
    WHERE q.ticket_type_id = ${ticketType.id} AND q.quota <> ${quota}
      AND o.status = 'scheduled' AND o.starts_at > now()
    ORDER BY o.starts_at
    FOR UPDATE OF q`.execute(tx);
  for (const date of dates) {
    if (quota > date.quota)
      await addUnits(tx, ticketType.id, date.occurrenceId, quota - date.quota);
    else await removeUnits(tx, ticketType, date, date.quota - quota);
    await sql`
      UPDATE occurrence_ticket_types SET quota = ${quota}
      WHERE occurrence_id = ${date.occurrenceId} AND ticket_type_id = ${ticketType.id}`.execute(tx);
    // A date with a seat map counts its seats, not its quotas.
    await sql`
      UPDATE occurrences SET capacity = greatest(0, capacity + ${quota - date.quota})
      WHERE id = ${date.occurrenceId} AND seat_map_id IS NULL`.execute(tx);
  }
  return dates.map((date) => date.occurrenceId);
}

/** New free units, numbered after the highest (removed units leave gaps). */
async function addUnits(tx: Tx, ticketTypeId: string, occurrenceId: string, count: number) {
  await sql`
    INSERT INTO ticket_units (org_id, occurrence_id, ticket_type_id, unit_no)
    SELECT q.org_id, q.occurrence_id, q.ticket_type_id, top.unit_no + n
    FROM occurrence_ticket_types q,
      (SELECT coalesce(max(unit_no), 0) AS unit_no FROM ticket_units
        WHERE occurrence_id = ${occurrenceId} AND ticket_type_id = ${ticketTypeId}) AS top,
      generate_series(1, ${count}::int) AS n
    WHERE q.occurrence_id = ${occurrenceId} AND q.ticket_type_id = ${ticketTypeId}`.execute(tx);
}

/**
 * Deletes `count` units no customer has: free ones, or held by a lapsed hold (which the
 * next claim may take anyway, invariant 2; that hold then fails to sell, as if reclaimed).
 * Each is locked, and units a claim is taking right now are skipped (SKIP LOCKED), so a
 * racing claim either got its units first (they are held, and counted below) or finds
 * them gone. Fewer deletable units than asked: the quota would go below what customers
 * hold or bought, and the whole edit is refused.
 */
async function removeUnits(
  tx: Tx,
  ticketType: { id: string; name: string; timeZone: string },
  date: { occurrenceId: string; quota: number; startsAt: Date },
  count: number,
) {
  const units = sql`ticket_units WHERE occurrence_id = ${date.occurrenceId} AND ticket_type_id = ${ticketType.id}`;
  const deleted = await sql`
    WITH victims AS MATERIALIZED (
      SELECT ctid FROM ${units}
        AND (status = 'free' OR (status = 'held' AND held_until < now()))
      ORDER BY unit_no DESC
      LIMIT ${count}::int
      FOR UPDATE SKIP LOCKED
    )
    DELETE FROM ticket_units WHERE ctid = ANY(ARRAY(SELECT ctid FROM victims))`.execute(tx);
  if (Number(deleted.numAffectedRows ?? 0) === count) return;
  const { rows } = await sql<{ taken: number }>`
    SELECT count(*)::int AS taken FROM ${units}
      AND (status = 'sold' OR (status = 'held' AND held_until >= now()))`.execute(tx);
  const taken = rows[0]?.taken ?? date.quota;
  const when = formatWhen(date.startsAt, ticketType.timeZone);
  // Units skipped while a claim had them locked, and the claim then gave them back.
  if (taken <= date.quota - count)
    throw new AppError(
      'CONFLICT',
      `${ticketType.name} tickets for ${when} are being bought right now: try again in a moment.`,
      { field: 'quotaPerOccurrence', occurrenceId: date.occurrenceId },
    );
  throw new AppError(
    'CONFLICT',
    `${ticketType.name}: ${taken} place${taken === 1 ? ' is' : 's are'} held or sold on ${when}, so the places per date cannot go below ${taken}.`,
    { field: 'quotaPerOccurrence', occurrenceId: date.occurrenceId, taken },
  );
}
