import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { loadPricingContext, seatTicketType, unitPriceFor } from '../pricing';
import type { MoveOptions } from './schemas';

/** Dates offered as move targets: the next ones, enough for a desk's select. */
const DATES_LISTED = 100;

/**
 * What a move can choose from: the booking's seats, the offering's upcoming dates, and the
 * free seats of one date with their current tier price (the move itself prices and claims).
 */
export async function moveOptions(
  db: Db,
  request: { reference: string; occurrenceId?: string },
  staff: StaffMember,
  now = new Date(),
): Promise<MoveOptions> {
  const booking = await db
    .selectFrom('bookings')
    .select(['id', 'offeringId', 'occurrenceId', 'currency'])
    .where('reference', '=', request.reference)
    .where('orgId', '=', staff.orgId)
    .executeTakeFirst();
  if (!booking)
    throw new AppError('NOT_FOUND', 'No booking of your organisation has this reference.');
  const occurrenceId = request.occurrenceId ?? booking.occurrenceId;
  if (!occurrenceId) throw new AppError('CONFLICT', 'This booking has no date with seats.');
  const dates = await db
    .selectFrom('occurrences')
    .select(['id as occurrenceId', 'startsAt'])
    .where('offeringId', '=', booking.offeringId)
    .where('status', '=', 'scheduled')
    .where('startsAt', '>', now)
    .where('seatMapId', 'is not', null)
    .orderBy('startsAt')
    .limit(DATES_LISTED)
    .execute();
  const { pricing } = await loadPricingContext(db, occurrenceId, now);
  if (pricing.occurrence.offeringId !== booking.offeringId)
    throw new AppError('NOT_FOUND', 'No date of this booking’s offering has this id.');
  const seats = await db
    .selectFrom('bookingItems')
    .select(['id as bookingItemId', 'description', 'totalAmount', 'currency'])
    .where('bookingId', '=', booking.id)
    .where('kind', '=', 'seat')
    .where('status', '=', 'live')
    .orderBy('position')
    .execute();
  // Free now, or held by a hold that lapsed: what the claim would take (ARCHITECTURE.md, invariant 2).
  const free = await db
    .selectFrom('occurrenceSeats as os')
    .innerJoin('seats as s', 's.id', 'os.seatId')
    .select(['s.id as seatId', 's.section', 's.rowLabel', 's.number', 's.category'])
    .where('os.occurrenceId', '=', occurrenceId)
    .where((eb) =>
      eb.or([
        eb('os.status', '=', 'free'),
        eb.and([eb('os.status', '=', 'held'), eb('os.heldUntil', '<', sql<Date>`now()`)]),
      ]),
    )
    .orderBy(['s.section', 's.rowLabel', 's.number'])
    .execute();
  return {
    occurrenceId,
    timeZone: pricing.occurrence.timeZone,
    seats: seats.map((seat) => ({
      bookingItemId: seat.bookingItemId,
      description: seat.description,
      total: { amount: seat.totalAmount, currency: seat.currency },
    })),
    dates,
    freeSeats: free.map((seat) => {
      const type = seatTicketType(pricing, seat.category);
      return {
        seatId: seat.seatId,
        label: `${seat.section}, Row ${seat.rowLabel}, Seat ${seat.number}${type ? ` (${type.name})` : ''}`,
        price: type ? { amount: unitPriceFor(pricing, type.id), currency: pricing.currency } : null,
      };
    }),
  };
}
