import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import { loadPricingContext, remainingOf, unitPriceFor, type PricingContext } from '../pricing';
import {
  OccurrenceAvailabilityInput,
  type OccurrenceAvailability,
  type SeatStatus,
} from './occurrence-schemas';

/**
 * Every seat of an occurrence in ONE query over the (occurrence_id, seat_id) primary key,
 * only the columns the seat map draws. An expired hold reads as 'free', exactly as the
 * claim's `WHERE status = 'free' OR (status = 'held' AND held_until < now())` will treat it.
 */
function seatsOf(db: Db, occurrenceId: string) {
  return db
    .selectFrom('occurrenceSeats as os')
    .innerJoin('seats as s', 's.id', 'os.seatId')
    .select([
      's.id',
      's.section',
      's.rowLabel',
      's.number',
      's.x',
      's.y',
      's.category',
      's.accessible',
      sql<SeatStatus>`CASE WHEN os.status = 'held' AND os.held_until < now() THEN 'free' ELSE os.status END`.as(
        'status',
      ),
    ])
    .where('os.occurrenceId', '=', occurrenceId)
    .orderBy('s.y')
    .orderBy('s.x')
    .execute();
}

/** Current price of each seat category: the first active ticket type (by sort order) selling it. */
function categoryPrices(ctx: PricingContext): Map<string, number> {
  const prices = new Map<string, number>();
  for (const type of ctx.ticketTypes) {
    if (type.active && type.seatCategory !== null && !prices.has(type.seatCategory)) {
      prices.set(type.seatCategory, unitPriceFor(ctx, type.id));
    }
  }
  return prices;
}

/**
 * What is left of one date and at what price now: totals, each active ticket type and,
 * for reserved seating, every seat. Two queries (pricing context with stock, and seats),
 * run in parallel; everything else is computed here.
 */
export async function occurrenceAvailability(
  db: Db,
  rawInput: OccurrenceAvailabilityInput,
  now = new Date(),
): Promise<OccurrenceAvailability> {
  const { occurrenceId } = OccurrenceAvailabilityInput.parse(rawInput);
  const [ctx, seatRows] = await Promise.all([
    loadPricingContext(db, occurrenceId, now),
    seatsOf(db, occurrenceId),
  ]);
  if (ctx.occurrence.offeringStatus !== 'published')
    throw new AppError('NOT_FOUND', 'This date was not found.');

  const hasSeatMap = ctx.occurrence.seatMapId !== null;
  const freeByCategory = new Map<string, number>();
  let freeSeats = 0;
  for (const seat of seatRows) {
    if (seat.status !== 'free') continue;
    freeSeats += 1;
    freeByCategory.set(seat.category, (freeByCategory.get(seat.category) ?? 0) + 1);
  }
  // Fares without stock of their own (a trip's Adult/Child) sell whatever seat is left.
  const leftOverall = hasSeatMap ? freeSeats : remainingOf(ctx.stock);

  const prices = categoryPrices(ctx);
  return {
    occurrenceId: ctx.occurrence.id,
    status: ctx.occurrence.status,
    timeZone: ctx.occurrence.timeZone,
    currency: ctx.currency,
    capacity: ctx.stock.capacity,
    remaining: remainingOf(ctx.stock),
    ticketTypes: ctx.ticketTypes
      .filter((type) => type.active)
      .map((type) => ({
        id: type.id,
        name: type.name,
        price: unitPriceFor(ctx, type.id),
        currency: ctx.currency,
        seatCategory: type.seatCategory,
        remaining: type.stock
          ? remainingOf(type.stock)
          : type.quotaPerOccurrence !== null
            ? 0 // a quota without units on this date (type added after stocking): nothing to claim
            : type.seatCategory !== null
              ? (freeByCategory.get(type.seatCategory) ?? 0)
              : leftOverall,
      })),
    seats: hasSeatMap
      ? seatRows.map((seat) => ({
          id: seat.id,
          label: `${seat.rowLabel}${seat.number}`,
          section: seat.section,
          row: seat.rowLabel,
          number: seat.number,
          x: seat.x,
          y: seat.y,
          category: seat.category,
          accessible: seat.accessible,
          status: seat.status,
          price: prices.get(seat.category) ?? null,
        }))
      : undefined,
  };
}
