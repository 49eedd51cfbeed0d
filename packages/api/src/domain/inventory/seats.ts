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
  const { rows } = await sql<{ seatId: string }>`
    WITH claimable AS MATERIALIZED (
      SELECT seat_id FROM occurrence_seats
      WHERE occurrence_id = ${claim.occurrenceId}
        AND seat_id = ANY(${claim.seatIds}::uuid[])
        AND (status = 'free' OR (status = 'held' AND held_until < now()))
      FOR UPDATE SKIP LOCKED
    )
    UPDATE occurrence_seats AS s
    SET status = 'held', hold_id = ${claim.holdId}, held_until = ${claim.heldUntil}, booking_id = NULL, updated_at = now()
    FROM claimable
    WHERE s.occurrence_id = ${claim.occurrenceId} AND s.seat_id = claimable.seat_id
    RETURNING s.seat_id
  `.execute(tx);
  if (rows.length !== claim.seatIds.length) {
    const claimed = new Set(rows.map((row) => row.seatId));
    const taken = claim.seatIds.filter((id) => !claimed.has(id));
    throw new AppError(
      'SEAT_TAKEN',
      taken.length === 1
        ? 'One of your seats was just taken. Please choose another.'
        : `${taken.length} of your seats were just taken. Please choose others.`,
      { seatIds: taken },
    );
  }
  return tx
    .selectFrom('seats')
    .select(['id as seatId', 'section', 'rowLabel', 'number', 'category', 'accessible'])
    .where('id', 'in', claim.seatIds)
    .orderBy('section')
    .orderBy('rowLabel')
    .orderBy('number')
    .execute();
}
