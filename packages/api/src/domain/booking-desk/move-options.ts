import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import {
  loadPricingContext,
  remainingOf,
  seatTicketType,
  unitPriceFor,
  type PricingContext,
} from '../pricing';
import type { MoveOptions } from './schemas';

/** Dates offered as move targets: the next ones, enough for a desk's select. */
const DATES_LISTED = 100;

/**
 * What a move can choose from: the booking's seats or ticket lines, the offering's upcoming
 * dates, and what is free on one date (seats, or units per ticket type) at its current price
 * (the move itself prices and claims).
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
  if (!occurrenceId)
    throw new AppError(
      'CONFLICT',
      'This booking has no date: an appointment moves to another time.',
    );
  const lines = await db
    .selectFrom('bookingItems')
    .select([
      'id as bookingItemId',
      'kind',
      'description',
      'quantity',
      'ticketTypeId',
      'totalAmount',
      'currency',
    ])
    .where('bookingId', '=', booking.id)
    .where('kind', 'in', ['seat', 'ticket'])
    .where('status', '=', 'live')
    .orderBy('position')
    .execute();
  const kind = lines.some((line) => line.kind === 'seat') ? 'seats' : 'tickets';
  const dates = await db
    .selectFrom('occurrences')
    .select(['id as occurrenceId', 'startsAt'])
    .where('offeringId', '=', booking.offeringId)
    .where('status', '=', 'scheduled')
    .where('startsAt', '>', now)
    .where('seatMapId', kind === 'seats' ? 'is not' : 'is', null)
    .orderBy('startsAt')
    .limit(DATES_LISTED)
    .execute();
  const { pricing } = await loadPricingContext(db, occurrenceId, now);
  if (pricing.occurrence.offeringId !== booking.offeringId)
    throw new AppError('NOT_FOUND', 'No date of this booking’s offering has this id.');
  const total = (line: (typeof lines)[number]) => ({
    amount: line.totalAmount,
    currency: line.currency,
  });
  return {
    kind,
    occurrenceId,
    timeZone: pricing.occurrence.timeZone,
    seats: lines.flatMap((line) =>
      line.kind === 'seat'
        ? [{ bookingItemId: line.bookingItemId, description: line.description, total: total(line) }]
        : [],
    ),
    ticketLines: lines.flatMap((line) =>
      line.kind === 'ticket' && line.ticketTypeId
        ? [
            {
              bookingItemId: line.bookingItemId,
              description: line.description,
              quantity: line.quantity,
              ticketTypeId: line.ticketTypeId,
              total: total(line),
            },
          ]
        : [],
    ),
    dates,
    freeSeats: kind === 'seats' ? await freeSeats(db, pricing) : [],
    ticketTypes: kind === 'tickets' ? generalAdmissionTypes(pricing) : [],
  };
}

/** Free now, or held by a hold that lapsed: what the claim would take (ARCHITECTURE.md, invariant 2). */
async function freeSeats(db: Db, pricing: PricingContext): Promise<MoveOptions['freeSeats']> {
  const free = await db
    .selectFrom('occurrenceSeats as os')
    .innerJoin('seats as s', 's.id', 'os.seatId')
    .select(['s.id as seatId', 's.section', 's.rowLabel', 's.number', 's.category'])
    .where('os.occurrenceId', '=', pricing.occurrence.id)
    .where((eb) =>
      eb.or([
        eb('os.status', '=', 'free'),
        eb.and([eb('os.status', '=', 'held'), eb('os.heldUntil', '<', sql<Date>`now()`)]),
      ]),
    )
    .orderBy(['s.section', 's.rowLabel', 's.number'])
    .execute();
  return free.map((seat) => {
    const type = seatTicketType(pricing, seat.category);
    return {
      seatId: seat.seatId,
      label: `${seat.section}, Row ${seat.rowLabel}, Seat ${seat.number}${type ? ` (${type.name})` : ''}`,
      price: type ? { amount: unitPriceFor(pricing, type.id), currency: pricing.currency } : null,
    };
  });
}

/** The active general-admission types of the date (those with units), with what is left of each. */
function generalAdmissionTypes(pricing: PricingContext): MoveOptions['ticketTypes'] {
  return pricing.ticketTypes.flatMap((type) =>
    type.active && type.seatCategory === null && type.stock
      ? [
          {
            ticketTypeId: type.id,
            name: type.name,
            price: { amount: unitPriceFor(pricing, type.id), currency: pricing.currency },
            remaining: remainingOf(type.stock),
          },
        ]
      : [],
  );
}
