import { AppError } from '../../errors';
import { reserveAddOn } from '../inventory/add-ons';
import { claimSeats } from '../inventory/seats';
import { claimUnits } from '../inventory/units';
import type { PricingContext } from '../pricing';
import { loadHoldContext } from '../pricing/context';
import type { Tx } from '../shared/idempotency';
import { fareFor, validateJourney } from './fares';
import type { OccurrenceHoldInput } from './schemas';
import { insertHold, newHoldView, saveHoldItems, type HoldRequester, type NewHoldItem } from './store';

type TicketType = PricingContext['ticketTypes'][number];

const salesOpen = (window: { salesStartAt: Date | null; salesEndAt: Date | null }, now: Date) =>
  (!window.salesStartAt || window.salesStartAt <= now) && (!window.salesEndAt || window.salesEndAt > now);

/** Seats or general-admission tickets, plus add-ons, on one occurrence: all or nothing. */
export async function createOccurrenceHold(tx: Tx, input: OccurrenceHoldInput, requester: HoldRequester, now: Date) {
  // One query: the occurrence, the offering's hold terms and every price (NOT_FOUND if unknown).
  const { pricing, terms } = await loadHoldContext(tx, input.occurrenceId, now);
  const occurrence = { ...pricing.occurrence, kind: terms.kind };
  if (occurrence.offeringStatus !== 'published') throw new AppError('NOT_FOUND', 'This date was not found.');
  if (occurrence.status !== 'scheduled' || occurrence.startsAt <= now || !salesOpen(occurrence, now)) {
    throw new AppError('SALES_CLOSED', 'Sales for this date are closed.');
  }

  const seatIds = input.seatIds ?? [];
  const tickets = input.tickets ?? [];
  if (new Set(seatIds).size !== seatIds.length) throw new AppError('VALIDATION', 'A seat is listed twice.');
  if (seatIds.length && !occurrence.seatMapId) throw new AppError('VALIDATION', 'This date has no seat map: choose tickets instead.');
  if (!seatIds.length && !tickets.length) throw new AppError('VALIDATION', 'Choose at least one seat or ticket.');
  const journey = await validateJourney(tx, occurrence, input);

  const ticketType = (id: string): TicketType => {
    const type = pricing.ticketTypes.find((candidate) => candidate.id === id);
    if (!type?.active) throw new AppError('VALIDATION', 'This ticket type is not on sale for this date.');
    if (!salesOpen(type, now)) throw new AppError('SALES_CLOSED', `${type.name} is not on sale right now.`);
    return type;
  };
  checkLimits(terms.maxPerOrder, seatIds.length, tickets.map((t) => ({ type: ticketType(t.ticketTypeId), quantity: t.quantity })));

  const hold = await insertHold(tx, {
    orgId: occurrence.orgId,
    offeringId: occurrence.offeringId,
    occurrenceId: occurrence.id,
    holdMinutes: terms.holdMinutes,
    currency: pricing.currency,
    requester,
    ...journey,
  });
  const claim = { occurrenceId: occurrence.id, holdId: hold.id, heldUntil: hold.expiresAt };
  const items: NewHoldItem[] = [];

  if (seatIds.length) {
    const seats = await claimSeats(tx, { ...claim, seatIds });
    // Fares given with seats apply to them in order (coach: 1 Adult + 1 Child); otherwise a
    // seat's category names its price tier, or the offering's default fare applies.
    const fares = tickets.flatMap((t) => Array.from({ length: t.quantity }, () => ticketType(t.ticketTypeId)));
    if (fares.length && fares.length !== seats.length) throw new AppError('VALIDATION', `Give a fare for each of the ${seats.length} seats.`);
    const defaultFare = pricing.ticketTypes.find((t) => t.active && !t.seatCategory && t.quotaPerOccurrence === null);
    seats.forEach((seat, index) => {
      const type = fares[index] ?? pricing.ticketTypes.find((t) => t.active && t.seatCategory === seat.category) ?? defaultFare;
      if (!type) throw new AppError('VALIDATION', `Seats of category ${seat.category} are not on sale.`);
      items.push({
        kind: 'seat',
        seatId: seat.seatId,
        ticketTypeId: type.id,
        quantity: 1,
        unitAmount: fareFor(pricing, type.id, journey),
        labels: { section: seat.section, rowLabel: seat.rowLabel, number: seat.number, ticketTypeName: type.name },
      });
    });
  } else {
    for (const ticket of tickets) {
      const type = ticketType(ticket.ticketTypeId);
      if (type.quotaPerOccurrence === null) throw new AppError('VALIDATION', `${type.name} needs a seat: choose seats.`);
      await claimUnits(tx, { ...claim, ticketTypeId: type.id, ticketTypeName: type.name, quantity: ticket.quantity });
      items.push({
        kind: 'ticket',
        ticketTypeId: type.id,
        quantity: ticket.quantity,
        unitAmount: fareFor(pricing, type.id, journey),
        labels: { ticketTypeName: type.name },
      });
    }
  }

  for (const request of input.addOns ?? []) {
    const addOn = await tx
      .selectFrom('addOns')
      .select(['id', 'name', 'stock', 'maxPerOrder', 'priceAmount'])
      .where('id', '=', request.addOnId)
      .where('offeringId', '=', occurrence.offeringId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!addOn) throw new AppError('VALIDATION', 'This extra is not available for this booking.');
    if (request.quantity > addOn.maxPerOrder) {
      throw new AppError('LIMIT_EXCEEDED', `${addOn.name}: at most ${addOn.maxPerOrder} per order.`, { addOnId: addOn.id });
    }
    await reserveAddOn(tx, { addOnId: addOn.id, name: addOn.name, stock: addOn.stock, quantity: request.quantity });
    items.push({ kind: 'add_on', addOnId: addOn.id, quantity: request.quantity, unitAmount: addOn.priceAmount, labels: { addOnName: addOn.name } });
  }

  const total = await saveHoldItems(tx, { id: hold.id, orgId: occurrence.orgId, currency: pricing.currency }, items);
  const view = newHoldView({ ...hold, offeringId: occurrence.offeringId, occurrenceId: occurrence.id, currency: pricing.currency, total }, items);
  return { holdId: hold.id, orgId: occurrence.orgId, occurrenceId: occurrence.id, view };
}

function checkLimits(maxPerOrder: number, seats: number, tickets: { type: TicketType; quantity: number }[]) {
  const count = seats || tickets.reduce((sum, ticket) => sum + ticket.quantity, 0);
  if (count > maxPerOrder) {
    throw new AppError('LIMIT_EXCEEDED', `You can book at most ${maxPerOrder} per order.`, { max: maxPerOrder });
  }
  for (const { type, quantity } of tickets) {
    if (quantity < type.minPerOrder || quantity > type.maxPerOrder) {
      throw new AppError('LIMIT_EXCEEDED', `${type.name}: choose between ${type.minPerOrder} and ${type.maxPerOrder}.`, {
        ticketTypeId: type.id,
        min: type.minPerOrder,
        max: type.maxPerOrder,
      });
    }
  }
}
