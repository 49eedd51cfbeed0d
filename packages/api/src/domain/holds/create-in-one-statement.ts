import { prepared, type Db } from '@tessera/db';
import { CompiledQuery } from 'kysely';
import { AppError } from '../../errors';
import { seatsTaken } from '../inventory/seats';
import { claimableUnits, soldOut } from '../inventory/units';
import { fareFor } from './fares';
import { loadHoldContext } from '../pricing/context';
import {
  checkAccessibleSeats,
  checkLimits,
  checkOccurrence,
  seatItems,
  ticketTypeFinder,
} from './occurrence-rules';
import type { OccurrenceHoldInput } from './schemas';
import { newHoldView, type HoldRequester, type InsertedHold, type NewHoldItem } from './store';

/**
 * The common holds (seats only, or one general-admission ticket type; no add-ons, no trip
 * stops) in TWO round trips and no BEGIN/COMMIT: the context read, then ONE statement that
 * claims, inserts the hold and its items and sets the total. A single statement is atomic on
 * its own, so it needs no transaction: the hold is inserted only when every requested row was
 * claimed (`WHERE (SELECT count(*) FROM claimable) = n`), and the claim and the items join on
 * the inserted hold, so a short claim writes nothing (its row locks end with the statement).
 * Prices depend on the context, not on which row is claimed, so they are computed before.
 *
 * Returns null when the request needs the transactional path (createOccurrenceHold), which
 * then decides the answer: an unknown seat, an accessible seat not asked for, a seat it cannot price, a ticket type without
 * units. Every refusal made here is the one that path makes at the same point.
 */
export function fitsOneStatement(input: OccurrenceHoldInput): boolean {
  if (input.addOns?.length || input.originStopId || input.destinationStopId) return false;
  return (input.seatIds?.length ?? 0) > 0 || input.tickets?.length === 1;
}

/** The statement's one row: the hold, or nulls and what could be claimed. */
type Written = { claimed: number; claimedSeatIds: string[] | null } & (
  { [K in keyof InsertedHold]: InsertedHold[K] } | { [K in keyof InsertedHold]: null }
);

// The hold's expiry comes from the database clock, the one every claim compares with; the
// claimed rows carry the very same instant as held_until (invariant 2).
const HOLD = `hold AS (
    INSERT INTO holds (org_id, offering_id, occurrence_id, customer_user_id, client_key, source, expires_at, currency, total_amount)
    SELECT $2::uuid, $3::uuid, $1::uuid, $4::uuid, $5::text, $6::text, now() + make_interval(mins => $7::int), $8::text, $9::int
    WHERE (SELECT count(*) FROM claimable) = $10::int
    RETURNING id, expires_at, expires_at <= now() AS lapsed
  )`;

/**
 * The claim of claimSeats (MATERIALIZED, SKIP LOCKED, expired holds reclaimable), gated on
 * the hold. The claimed rows are updated by `ctid`, as in claimableUnits (inventory/units.ts).
 */
const SEATS_SQL = prepared(`
  WITH claimable AS MATERIALIZED (
    SELECT seat_id, ctid FROM occurrence_seats
    WHERE occurrence_id = $1::uuid AND seat_id = ANY($11::uuid[])
      AND (status = 'free' OR (status = 'held' AND held_until < now()))
    FOR UPDATE SKIP LOCKED
  ), ${HOLD}, claimed AS (
    UPDATE occurrence_seats AS s
    SET status = 'held', hold_id = hold.id, held_until = hold.expires_at, booking_id = NULL, updated_at = now()
    FROM hold
    WHERE s.ctid = ANY(ARRAY(SELECT ctid FROM claimable))
  ), items AS (
    INSERT INTO hold_items (org_id, hold_id, kind, quantity, unit_amount, currency, seat_id, ticket_type_id)
    SELECT $2::uuid, hold.id, 'seat', 1, item.unit_amount, $8::text, item.seat_id, item.ticket_type_id
    FROM hold, unnest($12::uuid[], $13::uuid[], $14::int[]) AS item (seat_id, ticket_type_id, unit_amount)
  )
  SELECT (SELECT count(*) FROM claimable)::int AS claimed, ARRAY(SELECT seat_id FROM claimable) AS claimed_seat_ids,
    hold.id, hold.expires_at, hold.lapsed
  FROM (SELECT) AS one LEFT JOIN hold ON true`);

/** The claim of claimUnits, gated on the hold the same way. */
const UNITS_SQL = prepared(`
  WITH ${claimableUnits('$1::uuid', '$11::uuid', '$10::int')}, ${HOLD}, claimed AS (
    UPDATE ticket_units AS u
    SET status = 'held', hold_id = hold.id, held_until = hold.expires_at, updated_at = now()
    FROM hold
    WHERE u.ctid = ANY(ARRAY(SELECT ctid FROM claimable))
  ), items AS (
    INSERT INTO hold_items (org_id, hold_id, kind, quantity, unit_amount, currency, ticket_type_id)
    SELECT $2::uuid, hold.id, 'ticket', $10::int, $12::int, $8::text, $11::uuid
    FROM hold
  )
  SELECT (SELECT count(*) FROM claimable)::int AS claimed, NULL::uuid[] AS claimed_seat_ids,
    hold.id, hold.expires_at, hold.lapsed
  FROM (SELECT) AS one LEFT JOIN hold ON true`);

export async function createOccurrenceHoldInOneStatement(
  db: Db,
  input: OccurrenceHoldInput,
  requester: HoldRequester,
  now: Date,
) {
  // One query: the context, plus the requested seats' labels and categories (in seat order).
  const { pricing, terms, seats } = await loadHoldContext(
    db,
    input.occurrenceId,
    now,
    input.seatIds?.length ? input.seatIds : undefined,
  );
  // The transactional path's checks, in its order; no trip stops here, so no journey.
  const { occurrence, seatIds, tickets } = checkOccurrence(pricing, terms, input, now);
  const ticketType = ticketTypeFinder(pricing, now);
  checkLimits(
    terms.maxPerOrder,
    seatIds.length,
    tickets.map((t) => ({ type: ticketType(t.ticketTypeId), quantity: t.quantity })),
  );

  let items: NewHoldItem[];
  let sqlText: string;
  let claimParams: unknown[];
  let refusal: (claimed: Written) => AppError;
  if (seatIds.length) {
    if (seats.length !== seatIds.length) return null;
    const fares = tickets.flatMap((t) =>
      Array.from({ length: t.quantity }, () => ticketType(t.ticketTypeId)),
    );
    try {
      checkAccessibleSeats(seats, input);
      items = seatItems(pricing, seats, fares, {});
    } catch (error) {
      // That path claims before it checks and prices: a taken seat outranks the rest.
      if (error instanceof AppError) return null;
      throw error;
    }
    sqlText = SEATS_SQL;
    claimParams = [
      seatIds.length,
      seatIds,
      items.map((i) => i.seatId),
      items.map((i) => i.ticketTypeId),
      items.map((i) => i.unitAmount),
    ];
    refusal = (claimed) => seatsTaken(seatIds, claimed.claimedSeatIds ?? []);
  } else {
    const [ticket] = tickets;
    if (!ticket) return null;
    const type = ticketType(ticket.ticketTypeId);
    if (type.quotaPerOccurrence === null) return null;
    const unitAmount = fareFor(pricing, type.id, {});
    items = [
      {
        kind: 'ticket',
        ticketTypeId: type.id,
        quantity: ticket.quantity,
        unitAmount,
        labels: { ticketTypeName: type.name },
      },
    ];
    sqlText = UNITS_SQL;
    claimParams = [ticket.quantity, type.id, unitAmount];
    refusal = (claimed) =>
      soldOut(
        { ticketTypeId: type.id, ticketTypeName: type.name, quantity: ticket.quantity },
        claimed.claimed,
      );
  }

  const total = items.reduce((sum, item) => sum + item.quantity * item.unitAmount, 0);
  const { rows } = await db.executeQuery<Written>(
    CompiledQuery.raw(sqlText, [
      occurrence.id,
      occurrence.orgId,
      occurrence.offeringId,
      requester.userId,
      requester.clientKey,
      requester.source,
      terms.holdMinutes,
      pricing.currency,
      total,
      ...claimParams,
    ]),
  );
  const written = rows[0];
  if (!written) throw new Error('The hold statement returned no row');
  if (written.id === null) throw refusal(written);
  const hold = { id: written.id, expiresAt: written.expiresAt, lapsed: written.lapsed };
  const view = newHoldView(
    {
      ...hold,
      offeringId: occurrence.offeringId,
      occurrenceId: occurrence.id,
      currency: pricing.currency,
      total,
    },
    items,
  );
  return { holdId: hold.id, orgId: occurrence.orgId, occurrenceId: occurrence.id, view };
}
