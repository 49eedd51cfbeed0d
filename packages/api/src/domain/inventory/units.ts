import { prepared } from '@tessera/db';
import { CompiledQuery } from 'kysely';
import { AppError } from '../../errors';
import type { Tx } from '../shared/idempotency';

/**
 * The `claimable` CTE of a claim of units: free units from their own index first, then units
 * of lapsed holds by expiry (invariant 2), each locked or skipped (SKIP LOCKED: a unit another
 * buyer is taking counts as gone instead of queueing this buyer behind them). Scanning
 * "not sold" instead walked every live held unit on each claim (migration 0015). The
 * arguments are the SQL placeholders of the occurrence, the ticket type and the quantity.
 * Statements update the claimed rows by their `ctid` (locked by this statement, so they
 * stay put until it ends): joining the claim on the key, the generic plan of a prepared
 * statement scanned every unit of the date instead (13 ms per hold on 20,000 units).
 */
export function claimableUnits(occurrence: string, ticketType: string, quantity: string): string {
  const units = `ticket_units WHERE occurrence_id = ${occurrence} AND ticket_type_id = ${ticketType}`;
  return `free_units AS MATERIALIZED (
      SELECT unit_no, ctid FROM ${units} AND status = 'free'
      LIMIT ${quantity} FOR UPDATE SKIP LOCKED
    ), lapsed_units AS MATERIALIZED (
      SELECT unit_no, ctid FROM ${units} AND status = 'held' AND held_until < now()
      ORDER BY held_until
      LIMIT ${quantity} - (SELECT count(*) FROM free_units) FOR UPDATE SKIP LOCKED
    ), claimable AS MATERIALIZED (
      SELECT unit_no, ctid FROM free_units UNION ALL SELECT unit_no, ctid FROM lapsed_units
    )`;
}

const CLAIM_UNITS_SQL = prepared(`
  WITH ${claimableUnits('$1::uuid', '$2::uuid', '$3::int')}
  UPDATE ticket_units AS u
  SET status = 'held', hold_id = $4::uuid, held_until = $5::timestamptz, updated_at = now()
  WHERE u.ctid = ANY(ARRAY(SELECT ctid FROM claimable))
  RETURNING u.unit_no`);

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
  const { rows } = await tx.executeQuery<{ unitNo: number }>(
    CompiledQuery.raw(CLAIM_UNITS_SQL, [
      claim.occurrenceId,
      claim.ticketTypeId,
      claim.quantity,
      claim.holdId,
      claim.heldUntil,
    ]),
  );
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
