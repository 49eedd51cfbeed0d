import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { Tx } from '../shared/idempotency';

/**
 * Holds `quantity` units of a general-admission quota, or none: same claim as seats, on the
 * unit rows (docs/decisions.md: rows scale where one counter row does not).
 */
export async function claimUnits(
  tx: Tx,
  claim: {
    occurrenceId: string;
    ticketTypeId: string;
    ticketTypeName: string;
    quantity: number;
    holdId: string;
    heldUntil: Date;
  },
): Promise<void> {
  const { rows } = await sql<{ unitNo: number }>`
    WITH claimable AS MATERIALIZED (
      SELECT unit_no FROM ticket_units
      WHERE occurrence_id = ${claim.occurrenceId} AND ticket_type_id = ${claim.ticketTypeId}
        AND status <> 'sold'
        AND (status = 'free' OR held_until < now())
      LIMIT ${claim.quantity}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE ticket_units AS u
    SET status = 'held', hold_id = ${claim.holdId}, held_until = ${claim.heldUntil}, updated_at = now()
    FROM claimable
    WHERE u.occurrence_id = ${claim.occurrenceId} AND u.ticket_type_id = ${claim.ticketTypeId}
      AND u.unit_no = claimable.unit_no
    RETURNING u.unit_no
  `.execute(tx);
  if (rows.length < claim.quantity) throw soldOut(claim, rows.length);
}

/** SOLD_OUT for a claim of `quantity` that got `claimed` units (shared with the one-statement hold). */
export function soldOut(
  claim: { ticketTypeId: string; ticketTypeName: string; quantity: number },
  claimed: number,
): AppError {
  return new AppError(
    'SOLD_OUT',
    claimed === 0
      ? `${claim.ticketTypeName} is sold out.`
      : `Not enough ${claim.ticketTypeName} tickets left for ${claim.quantity}. Try fewer.`,
    { ticketTypeId: claim.ticketTypeId },
  );
}
