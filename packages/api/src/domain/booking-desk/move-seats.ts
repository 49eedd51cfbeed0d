import { sql } from 'kysely';
import { AppError } from '../../errors';
import { fareFor } from '../holds/fares';
import { describeItem } from '../holds/store';
import { claimSeats, type ClaimedSeat } from '../inventory/seats';
import { seatTicketType, type PricingContext } from '../pricing';
import { loadHoldContext } from '../pricing/context';
import type { Tx } from '../shared/idempotency';
import {
  addTotals,
  checkTargetDate,
  journeyOfMove,
  NO_CHANGE,
  PRICED_LINE_COLUMNS,
  refuseAdmitted,
  refuseRepeats,
  repriceMovedItem,
  type BookingToMove,
  type MovedPlaces,
} from './move-items';
import type { SeatMoveInput } from './schemas';

/**
 * Seats to other seats, on the booking's date or another: the new seats are claimed by the
 * engine's claim (SEAT_TAKEN, and the transaction rolls back, if one is taken), the old ones
 * freed, each line repriced at the new seat's tier.
 */
export async function moveSeats(
  tx: Tx,
  booking: BookingToMove,
  input: SeatMoveInput,
  now: Date,
): Promise<MovedPlaces> {
  const items = await movingSeats(tx, booking, input);
  const { pricing, terms } = await loadHoldContext(tx, input.occurrenceId, now);
  const target = pricing.occurrence;
  checkTargetDate(target, booking, now);

  const seatIds = input.seats.map((seat) => seat.seatId);
  const claimed = await claimSeats(tx, {
    occurrenceId: target.id,
    seatIds,
    holdId: booking.holdId,
    heldUntil: booking.heldUntil,
  });
  const oldSeatIds = items.list.map((item) => item.seatId);
  await sql`
    UPDATE occurrence_seats SET status = 'free', booking_id = NULL, hold_id = NULL, held_until = NULL, updated_at = now()
    WHERE occurrence_id = ${items.fromOccurrenceId} AND seat_id = ANY(${oldSeatIds}::uuid[])
      AND (booking_id = ${booking.id} OR (hold_id = ${booking.holdId} AND status = 'held'))
  `.execute(tx);

  const journey = await journeyOfMove(tx, booking, terms.kind, items.list[0]);
  let totals = NO_CHANGE;
  const changes: MovedPlaces['changes'] = [];
  for (const request of input.seats) {
    const item = items.byId(request.bookingItemId);
    const seat = claimedSeat(claimed, request.seatId);
    const type = fareOfMovedSeat(pricing, item, seat);
    const moved = await repriceMovedItem(tx, booking, item, {
      unitAmount: fareFor(pricing, type.id, journey),
      taxRate: pricing.taxRate,
      occurrenceId: target.id,
      set: {
        seatId: seat.seatId,
        ticketTypeId: type.id,
        description: describeItem({
          kind: 'seat',
          section: seat.section,
          rowLabel: seat.rowLabel,
          number: seat.number,
          ticketTypeName: type.name,
          addOnName: null,
          resourceName: null,
        }),
      },
      holdItem: {
        holdId: booking.holdId,
        match: { kind: 'seat', was: item.seatId },
        set: { seatId: seat.seatId, ticketTypeId: type.id },
      },
    });
    totals = addTotals(totals, moved);
    changes.push({
      bookingItemId: item.id,
      from: item.seatId,
      to: seat.seatId,
      price: moved.gross,
    });
  }
  return { fromOccurrenceId: items.fromOccurrenceId, toOccurrenceId: target.id, totals, changes };
}

/** The booking's live seats named by the request; to another date, all of them move. */
async function movingSeats(tx: Tx, booking: BookingToMove, input: SeatMoveInput) {
  const seats = await tx
    .selectFrom('bookingItems as bi')
    .leftJoin('ticketTypes as tt', 'tt.id', 'bi.ticketTypeId')
    .select([...PRICED_LINE_COLUMNS, 'bi.seatId', 'tt.seatCategory'])
    .where('bi.bookingId', '=', booking.id)
    .where('bi.kind', '=', 'seat')
    .where('bi.status', '=', 'live')
    .orderBy('bi.position')
    .execute();
  const requested = input.seats.map((seat) => seat.bookingItemId);
  refuseRepeats(requested, 'seat');
  if (new Set(input.seats.map((seat) => seat.seatId)).size !== requested.length)
    throw new AppError('VALIDATION', 'Two seats cannot move to the same new seat.');
  const list = requested.map((id) => {
    const item = seats.find((seat) => seat.id === id);
    if (!item?.seatId)
      throw new AppError('VALIDATION', `This seat is not part of booking ${booking.reference}.`);
    return { ...item, seatId: item.seatId };
  });
  if (input.occurrenceId !== booking.occurrenceId && list.length !== seats.length)
    throw new AppError(
      'VALIDATION',
      `Moving to another date moves the whole booking: choose a new seat for each of its ${seats.length} seats.`,
    );
  await refuseAdmitted(tx, requested);
  const fromOccurrenceId = booking.occurrenceId ?? input.occurrenceId;
  if (
    list.some(
      (item) =>
        input.occurrenceId === fromOccurrenceId && requestedSeat(input, item.id) === item.seatId,
    )
  )
    throw new AppError('VALIDATION', 'Choose a seat other than the one already booked.');
  return {
    fromOccurrenceId,
    list,
    byId: (id: string) => {
      const item = list.find((candidate) => candidate.id === id);
      if (!item) throw new AppError('VALIDATION', 'This seat is not part of the booking.');
      return item;
    },
  };
}

const requestedSeat = (input: SeatMoveInput, bookingItemId: string) =>
  input.seats.find((seat) => seat.bookingItemId === bookingItemId)?.seatId;

function claimedSeat(claimed: readonly ClaimedSeat[], seatId: string): ClaimedSeat {
  const seat = claimed.find((candidate) => candidate.seatId === seatId);
  if (!seat) throw new AppError('SEAT_TAKEN', 'One of the new seats was just taken.');
  return seat;
}

/**
 * A fare chosen for the passenger (Adult, Child: no seat category) stays with them; a seat
 * priced by its category takes the new seat's tier, as a customer choosing it would.
 */
function fareOfMovedSeat(
  pricing: PricingContext,
  item: { ticketTypeId: string | null; seatCategory: string | null },
  seat: ClaimedSeat,
) {
  const kept =
    item.ticketTypeId && item.seatCategory === null
      ? pricing.ticketTypes.find((type) => type.id === item.ticketTypeId && type.active)
      : undefined;
  const type = kept ?? seatTicketType(pricing, seat.category);
  if (!type)
    throw new AppError('VALIDATION', `Seats of category ${seat.category} are not on sale.`);
  return type;
}
