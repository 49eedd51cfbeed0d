import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import { fareFor, validateJourney, type Journey } from '../holds/fares';
import { loadPricingContext, remainingOf, seatTicketType, type PricingContext } from '../pricing';
import { OccurrenceAvailabilityInput, type OccurrenceAvailability } from './occurrence-schemas';
import { seatsWithStatus } from './seat-layout';

/** Current price of a seat of each category, as a hold without chosen fares prices it. */
function categoryPrices(
  ctx: PricingContext,
  journey: Journey,
  categories: Iterable<string>,
): Map<string, number> {
  const prices = new Map<string, number>();
  for (const category of categories) {
    const type = seatTicketType(ctx, category);
    if (type) prices.set(category, fareFor(ctx, type.id, journey));
  }
  return prices;
}

/**
 * What is left of one date and at what price now: totals, each active ticket type and,
 * for reserved seating, every seat. Two queries in parallel (pricing context with stock, and
 * the seats taken; the seat layout is cached), everything else computed here.
 */
export async function occurrenceAvailability(
  db: Db,
  rawInput: OccurrenceAvailabilityInput,
  now = new Date(),
): Promise<OccurrenceAvailability> {
  const input = OccurrenceAvailabilityInput.parse(rawInput);
  const [{ pricing: ctx, terms }, seats] = await Promise.all([
    loadPricingContext(db, input.occurrenceId, now),
    seatsWithStatus(db, input.occurrenceId),
  ]);
  const seatRows = seats ?? [];
  if (ctx.occurrence.offeringStatus !== 'published')
    throw new AppError('NOT_FOUND', 'This date was not found.');
  // The same journey check and fares as holds.create, so the prices shown are those charged.
  const journey = await validateJourney(
    db,
    { offeringId: ctx.occurrence.offeringId, kind: terms.kind },
    input,
  );

  const hasSeatMap = ctx.occurrence.seatMapId !== null;
  const freeByCategory = new Map<string, number>();
  let freeSeats = 0;
  for (const seat of seatRows) {
    if (seat.status !== 'free') continue;
    freeSeats += 1;
    freeByCategory.set(seat.category, (freeByCategory.get(seat.category) ?? 0) + 1);
  }
  // Seats and the pricing context are read by two statements: for a seated date, what is
  // left is counted from the seats themselves, so totals and seat statuses always agree.
  // Fares without stock of their own (a trip's Adult/Child) sell whatever seat is left.
  const leftOverall = hasSeatMap ? freeSeats : remainingOf(ctx.stock);

  const prices = categoryPrices(ctx, journey, new Set(seatRows.map((seat) => seat.category)));
  return {
    occurrenceId: ctx.occurrence.id,
    status: ctx.occurrence.status,
    timeZone: ctx.occurrence.timeZone,
    currency: ctx.currency,
    capacity: ctx.stock.capacity,
    remaining: leftOverall,
    ticketTypes: ctx.ticketTypes
      .filter((type) => type.active)
      .map((type) => ({
        id: type.id,
        name: type.name,
        price: fareFor(ctx, type.id, journey),
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
