import { AppError } from '../../errors';
import { reserveAddOn } from '../inventory/add-ons';
import { claimSeats } from '../inventory/seats';
import { claimUnits } from '../inventory/units';
import { loadHoldContext } from '../pricing/context';
import type { Tx } from '../shared/idempotency';
import { fareFor, validateJourney } from './fares';
import {
  checkAccessibleSeats,
  checkLimits,
  checkOccurrence,
  seatItems,
  ticketTypeFinder,
} from './occurrence-rules';
import type { OccurrenceHoldInput } from './schemas';
import {
  insertHold,
  newHoldView,
  saveHoldItems,
  type HoldRequester,
  type NewHoldItem,
} from './store';

/** Seats or general-admission tickets, plus add-ons, on one occurrence: all or nothing. */
export async function createOccurrenceHold(
  tx: Tx,
  input: OccurrenceHoldInput,
  requester: HoldRequester,
  now: Date,
) {
  // One query: the occurrence, the offering's hold terms and every price (NOT_FOUND if unknown).
  const { pricing, terms } = await loadHoldContext(tx, input.occurrenceId, now);
  const { occurrence, seatIds, tickets } = checkOccurrence(pricing, terms, input, now);
  const journey = await validateJourney(tx, occurrence, input);
  const ticketType = ticketTypeFinder(pricing, now);
  checkLimits(
    terms.maxPerOrder,
    seatIds.length,
    tickets.map((t) => ({ type: ticketType(t.ticketTypeId), quantity: t.quantity })),
  );

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
    checkAccessibleSeats(seats, input);
    const fares = tickets.flatMap((t) =>
      Array.from({ length: t.quantity }, () => ticketType(t.ticketTypeId)),
    );
    items.push(...seatItems(pricing, seats, fares, journey));
  } else {
    for (const ticket of tickets) {
      const type = ticketType(ticket.ticketTypeId);
      if (type.quotaPerOccurrence === null)
        throw new AppError('VALIDATION', `${type.name} needs a seat: choose seats.`);
      await claimUnits(tx, {
        ...claim,
        ticketTypeId: type.id,
        ticketTypeName: type.name,
        quantity: ticket.quantity,
      });
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
      throw new AppError(
        'LIMIT_EXCEEDED',
        `${addOn.name}: at most ${addOn.maxPerOrder} per order.`,
        { addOnId: addOn.id },
      );
    }
    await reserveAddOn(tx, {
      addOnId: addOn.id,
      name: addOn.name,
      stock: addOn.stock,
      quantity: request.quantity,
    });
    items.push({
      kind: 'add_on',
      addOnId: addOn.id,
      quantity: request.quantity,
      unitAmount: addOn.priceAmount,
      labels: { addOnName: addOn.name },
    });
  }

  const total = await saveHoldItems(
    tx,
    { id: hold.id, orgId: occurrence.orgId, currency: pricing.currency },
    items,
  );
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
