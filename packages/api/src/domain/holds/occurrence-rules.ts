import { AppError } from '../../errors';
import { seatTicketType, type PricingContext } from '../pricing';
import type { HoldTerms } from '../pricing/context';
import { fareFor, type Journey } from './fares';
import type { OccurrenceHoldInput } from './schemas';
import type { NewHoldItem } from './store';

/**
 * The checks and prices of an occurrence hold, shared by the transactional path
 * (create-occurrence-hold.ts) and the one-statement path (create-in-one-statement.ts), so
 * both refuse and price a request exactly alike.
 */

export type TicketType = PricingContext['ticketTypes'][number];

const salesOpen = (window: { salesStartAt: Date | null; salesEndAt: Date | null }, now: Date) =>
  (!window.salesStartAt || window.salesStartAt <= now) &&
  (!window.salesEndAt || window.salesEndAt > now);

/** The occurrence is on sale and the request names something to hold; before the journey is checked. */
export function checkOccurrence(
  pricing: PricingContext,
  terms: HoldTerms,
  input: OccurrenceHoldInput,
  now: Date,
) {
  const occurrence = { ...pricing.occurrence, kind: terms.kind };
  if (occurrence.offeringStatus !== 'published')
    throw new AppError('NOT_FOUND', 'This date was not found.');
  if (
    occurrence.status !== 'scheduled' ||
    occurrence.startsAt <= now ||
    !salesOpen(occurrence, now)
  ) {
    throw new AppError('SALES_CLOSED', 'Sales for this date are closed.');
  }
  const seatIds = input.seatIds ?? [];
  const tickets = input.tickets ?? [];
  if (new Set(seatIds).size !== seatIds.length)
    throw new AppError('VALIDATION', 'A seat is listed twice.');
  if (seatIds.length && !occurrence.seatMapId)
    throw new AppError('VALIDATION', 'This date has no seat map: choose tickets instead.');
  if (!seatIds.length && !tickets.length)
    throw new AppError('VALIDATION', 'Choose at least one seat or ticket.');
  return { occurrence, seatIds, tickets };
}

/** A ticket type of the request, on sale now; refused otherwise. */
export function ticketTypeFinder(pricing: PricingContext, now: Date) {
  return (id: string): TicketType => {
    const type = pricing.ticketTypes.find((candidate) => candidate.id === id);
    if (!type?.active)
      throw new AppError('VALIDATION', 'This ticket type is not on sale for this date.');
    if (!salesOpen(type, now))
      throw new AppError('SALES_CLOSED', `${type.name} is not on sale right now.`);
    return type;
  };
}

export function checkLimits(
  maxPerOrder: number,
  seats: number,
  tickets: { type: TicketType; quantity: number }[],
) {
  const count = seats || tickets.reduce((sum, ticket) => sum + ticket.quantity, 0);
  if (count > maxPerOrder) {
    throw new AppError('LIMIT_EXCEEDED', `You can book at most ${maxPerOrder} per order.`, {
      max: maxPerOrder,
    });
  }
  for (const { type, quantity } of tickets) {
    if (quantity < type.minPerOrder || quantity > type.maxPerOrder) {
      throw new AppError(
        'LIMIT_EXCEEDED',
        `${type.name}: choose between ${type.minPerOrder} and ${type.maxPerOrder}.`,
        {
          ticketTypeId: type.id,
          min: type.minPerOrder,
          max: type.maxPerOrder,
        },
      );
    }
  }
}

/** Seats marked accessible go only to requests that say they need one (ACCESSIBLE_SEAT). */
export function checkAccessibleSeats(
  seats: readonly { seatId: string; rowLabel: string; number: string; accessible: boolean }[],
  input: OccurrenceHoldInput,
) {
  if (input.accessibleSeating) return;
  const accessible = seats.filter((seat) => seat.accessible);
  const [first] = accessible;
  if (!first) return;
  throw new AppError(
    'ACCESSIBLE_SEAT',
    `Row ${first.rowLabel}, seat ${first.number} is an accessible place. Book it only if you need one, and say so.`,
    { seatIds: accessible.map((seat) => seat.seatId) },
  );
}

/**
 * The items of held seats, given in the database's seat order. Fares given with seats apply
 * to them in order (coach: 1 Adult + 1 Child); otherwise a seat's category names its price
 * tier, or the offering's default fare applies.
 */
export function seatItems(
  pricing: PricingContext,
  seats: readonly {
    seatId: string;
    section: string;
    rowLabel: string;
    number: string;
    category: string;
  }[],
  fares: readonly TicketType[],
  journey: Journey,
): NewHoldItem[] {
  if (fares.length && fares.length !== seats.length)
    throw new AppError('VALIDATION', `Give a fare for each of the ${seats.length} seats.`);
  return seats.map((seat, index) => {
    const type = fares[index] ?? seatTicketType(pricing, seat.category);
    if (!type)
      throw new AppError('VALIDATION', `Seats of category ${seat.category} are not on sale.`);
    return {
      kind: 'seat',
      seatId: seat.seatId,
      ticketTypeId: type.id,
      quantity: 1,
      unitAmount: fareFor(pricing, type.id, journey),
      labels: {
        section: seat.section,
        rowLabel: seat.rowLabel,
        number: seat.number,
        ticketTypeName: type.name,
      },
    };
  });
}
