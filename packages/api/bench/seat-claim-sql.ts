import { prepared, type Db } from '@tessera/db';
import { CompiledQuery } from 'kysely';

/**
 * The baseline transaction: `claimSeats`' statement (domain/inventory/seats.ts) for one seat,
 * then the release `releaseInventoryOfHold` runs (domain/inventory/release.ts), so the map
 * never fills. Kept as text so the baseline runs on a bare pg client; prepared like the
 * engine's hot statements, so the baseline is the best the database does, not a handicapped one.
 */
export const CLAIM_ONE_SEAT = prepared(`
  WITH claimable AS MATERIALIZED (
    SELECT seat_id FROM occurrence_seats
    WHERE occurrence_id = $1
      AND seat_id = ANY($2::uuid[])
      AND (status = 'free' OR (status = 'held' AND held_until < now()))
    FOR UPDATE SKIP LOCKED
  )
  UPDATE occurrence_seats AS s
  SET status = 'held', hold_id = $3, held_until = now() + interval '15 minutes', booking_id = NULL, updated_at = now()
  FROM claimable
  WHERE s.occurrence_id = $1 AND s.seat_id = claimable.seat_id
  RETURNING s.seat_id`);

export const RELEASE_SEATS_OF_HOLD = prepared(`
  UPDATE occurrence_seats SET status = 'free', hold_id = NULL, held_until = NULL, updated_at = now()
  WHERE hold_id = $1 AND status = 'held'`);

export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
}

/** Runs `work` on one connection of the pool, with plain SQL text (no query builder). */
export function withRawConnection<T>(
  db: Db,
  work: (
    client: Queryable & { rows: (text: string, values?: unknown[]) => Promise<unknown[]> },
  ) => Promise<T>,
) {
  return db.connection().execute((connection) =>
    work({
      async query(text, values = []) {
        const result = await connection.executeQuery(CompiledQuery.raw(text, values));
        return { rowCount: Number(result.numAffectedRows ?? result.rows.length) };
      },
      async rows(text, values = []) {
        return (await connection.executeQuery(CompiledQuery.raw(text, values))).rows;
      },
    }),
  );
}

/** One transaction: claim `seatId` for `holdId` and give it back. False when it was taken. */
export async function claimAndReleaseSeat(
  client: Queryable,
  claim: { occurrenceId: string; seatId: string; holdId: string },
): Promise<boolean> {
  await client.query('BEGIN');
  try {
    const claimed = await client.query(CLAIM_ONE_SEAT, [
      claim.occurrenceId,
      [claim.seatId],
      claim.holdId,
    ]);
    if (claimed.rowCount === 1) await client.query(RELEASE_SEATS_OF_HOLD, [claim.holdId]);
    await client.query('COMMIT');
    return claimed.rowCount === 1;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
