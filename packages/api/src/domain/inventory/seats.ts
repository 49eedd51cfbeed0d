import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { Tx } from '../shared/idempotency';

export interface ClaimedSeat {
  seatId: string;
  section: string;
  rowLabel: string;
  number: string;
  category: string;
  accessible: boolean;
}

/**
 * Holds exactly these seats, or none (ARCHITECTURE.md, invariant 1): one conditional UPDATE
 * takes seats that are free or whose hold expired (invariant 2). SKIP LOCKED: a seat another
 * buyer is claiming right now counts as taken instead of making this buyer queue behind them.
 */
export async function claimSeats(
  tx: Tx,
  claim: { occurrenceId: string; seatIds: readonly string[]; holdId: string; heldUntil: Date },
): Promise<ClaimedSeat[]> {
  // The claimed rows come back with their seat's labels, ordered by the database (its collation
  // orders hold items too): no second read.
  const { rows } = await sql<ClaimedSeat>`
    WITH claimable AS MATERIALIZED (
      SELECT seat_id, ctid FROM occurrence_seats
      WHERE occurrence_id = ${claim.occurrenceId}
        AND seat_id = ANY(${claim.seatIds}::uuid[])
        AND (status = 'free' OR (status = 'held' AND held_until < now()))
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE occurrence_seats AS s
      SET status = 'held', hold_id = ${claim.holdId}, held_until = ${claim.heldUntil}, booking_id = NULL, updated_at = now()
      FROM seats AS seat
      WHERE s.ctid = ANY(ARRAY(SELECT ctid FROM claimable)) AND seat.id = s.seat_id
      RETURNING s.seat_id, seat.section, seat.row_label, seat.number, seat.category, seat.accessible
    )
    SELECT * FROM claimed ORDER BY section, row_label, number
  `.execute(tx);
  if (rows.length !== claim.seatIds.length)
    throw seatsTaken(
      claim.seatIds,
      rows.map((row) => row.seatId),
    );
  return rows;
}

/** SEAT_TAKEN naming the requested seats that were not claimed (shared with the one-statement hold). */
export function seatsTaken(requested: readonly string[], claimedIds: readonly string[]): AppError {
  const claimed = new Set(claimedIds);
  const taken = requested.filter((id) => !claimed.has(id));
  return new AppError(
    'SEAT_TAKEN',
    taken.length === 1
      ? 'One of your seats was just taken. Please choose another.'
      : `${taken.length} of your seats were just taken. Please choose others.`,
    { seatIds: taken },
  );
}
