import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import { newTicketCode } from '../bookings/reference';
import type { InventoryEvents } from '../events/inventory';
import { fareFor, validateJourney } from '../holds/fares';
import { describeItem } from '../holds/store';
import { claimSeats, type ClaimedSeat } from '../inventory/seats';
import type { PaymentProvider } from '../payments/provider';
import { sendRefund } from '../payments/refunds';
import { seatTicketType, taxOf, type PricingContext } from '../pricing';
import { loadHoldContext } from '../pricing/context';
import type { Tx } from '../shared/idempotency';
import { enqueueOutbox } from '../shared/outbox';
import { settleMoveDifference } from './move-money';
import type { MoveBookingInput, MoveBookingResult } from './schemas';

export interface MoveDeps {
  provider: PaymentProvider;
  events: InventoryEvents;
  requestId: string;
}

/**
 * Moves seats of a confirmed booking to other seats, on its date or another date of the same
 * offering, in one transaction: the new seats are claimed by the engine's claim (SEAT_TAKEN,
 * and nothing changes, if one is taken), the old ones freed, tickets reissued (the old codes
 * stop admitting) and the price difference refunded or left owing.
 */
export async function moveBooking(
  db: Db,
  input: MoveBookingInput,
  staff: StaffMember,
  deps: MoveDeps,
  now = new Date(),
): Promise<MoveBookingResult> {
  const moved = await db
    .transaction()
    .execute((tx) => moveInTransaction(tx, input, staff, deps, now));
  for (const occurrenceId of new Set([moved.fromOccurrenceId, input.occurrenceId]))
    deps.events.changed({ orgId: staff.orgId, occurrenceId: occurrenceId ?? undefined });
  if (moved.result.refundId) await sendRefund(db, moved.result.refundId, deps.provider);
  return moved.result;
}

async function moveInTransaction(
  tx: Tx,
  input: MoveBookingInput,
  staff: StaffMember,
  deps: MoveDeps,
  now: Date,
) {
  const booking = await tx
    .selectFrom('bookings')
    .select([
      'id',
      'orgId',
      'reference',
      'status',
      'holdId',
      'offeringId',
      'occurrenceId',
      'currency',
      'paidAmount',
      'refundedAmount',
    ])
    .where('reference', '=', input.reference)
    .where('orgId', '=', staff.orgId)
    .forUpdate()
    .executeTakeFirst();
  if (!booking)
    throw new AppError('NOT_FOUND', 'No booking of your organisation has this reference.');
  if (booking.status !== 'confirmed')
    throw new AppError(
      'CONFLICT',
      booking.status === 'pending_payment'
        ? 'Only a confirmed booking can be moved: take its payment first, or cancel it.'
        : `This booking is ${booking.status}: it cannot be moved.`,
    );
  // Every seat the engine sells belongs to a hold; the booking's (converted) hold claims the new ones.
  if (!booking.holdId)
    throw new AppError('CONFLICT', 'This booking has no seats held for it to move.');

  const items = await movingItems(tx, booking, input);
  const { pricing, terms } = await loadHoldContext(tx, input.occurrenceId, now);
  const target = pricing.occurrence;
  if (target.orgId !== staff.orgId || target.offeringId !== booking.offeringId)
    throw new AppError('NOT_FOUND', 'No date of this booking’s offering has this id.');
  if (target.status !== 'scheduled' || target.startsAt <= now)
    throw new AppError('SALES_CLOSED', 'This date is cancelled or has started: choose another.');

  const seatIds = input.seats.map((seat) => seat.seatId);
  const claimed = await claimSeats(tx, {
    occurrenceId: target.id,
    seatIds,
    holdId: booking.holdId,
    heldUntil: now,
  });
  await sql`
    UPDATE occurrence_seats SET status = 'sold', booking_id = ${booking.id}, held_until = NULL, updated_at = now()
    WHERE occurrence_id = ${target.id} AND seat_id = ANY(${seatIds}::uuid[]) AND hold_id = ${booking.holdId}
  `.execute(tx);
  await tx
    .updateTable('occurrenceSeats')
    .set({ status: 'free', bookingId: null, holdId: null, heldUntil: null, updatedAt: new Date() })
    .where('bookingId', '=', booking.id)
    .where('occurrenceId', '=', items.fromOccurrenceId)
    .where(
      'seatId',
      'in',
      items.list.map((item) => item.seatId),
    )
    .execute();

  const journey = await validateJourney(
    tx,
    { offeringId: booking.offeringId, kind: terms.kind },
    {
      originStopId: items.list[0]?.originStopId ?? undefined,
      destinationStopId: items.list[0]?.destinationStopId ?? undefined,
    },
  );
  let totals = { subtotal: 0, discount: 0, tax: 0, total: 0 };
  const seatChanges: { bookingItemId: string; from: string; to: string; price: number }[] = [];
  for (const request of input.seats) {
    const item = items.byId(request.bookingItemId);
    const seat = claimedSeat(claimed, request.seatId);
    const type = fareOfMovedSeat(pricing, item, seat);
    const unitAmount = fareFor(pricing, type.id, journey);
    const discountAmount = Math.min(item.discountAmount, unitAmount);
    const taxed = taxOf(unitAmount - discountAmount, pricing.taxRate);
    await tx
      .updateTable('bookingItems')
      .set({
        seatId: seat.seatId,
        occurrenceId: target.id,
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
        unitAmount,
        discountAmount,
        taxAmount: taxed.tax,
        totalAmount: taxed.gross,
      })
      .where('id', '=', item.id)
      .execute();
    await reissueTickets(tx, {
      orgId: booking.orgId,
      bookingItemId: item.id,
      occurrenceId: target.id,
    });
    totals = {
      subtotal: totals.subtotal + unitAmount - item.unitAmount,
      discount: totals.discount + discountAmount - item.discountAmount,
      tax: totals.tax + taxed.tax - item.taxAmount,
      total: totals.total + taxed.gross - item.totalAmount,
    };
    seatChanges.push({
      bookingItemId: item.id,
      from: item.seatId,
      to: seat.seatId,
      price: taxed.gross,
    });
  }

  await tx
    .updateTable('bookings')
    .set((eb) => ({
      occurrenceId: target.id,
      subtotalAmount: eb('subtotalAmount', '+', totals.subtotal),
      discountAmount: eb('discountAmount', '+', totals.discount),
      taxAmount: eb('taxAmount', '+', totals.tax),
      totalAmount: eb('totalAmount', '+', totals.total),
      updatedAt: sql<Date>`now()`,
    }))
    .where('id', '=', booking.id)
    .execute();
  const money = await settleMoveDifference(tx, booking, totals.total, {
    providerName: deps.provider.name,
    requestedBy: staff.actor.userId,
  });
  const priceDifference = { amount: totals.total, currency: booking.currency };
  await enqueueOutbox(tx, [
    {
      orgId: booking.orgId,
      aggregateType: 'booking',
      aggregateId: booking.id,
      eventType: 'booking.moved',
      payload: {
        reference: booking.reference,
        fromOccurrenceId: items.fromOccurrenceId,
        occurrenceId: target.id,
        priceDifference: totals.total,
        currency: booking.currency,
      },
    },
  ]);
  await recordAudit(tx, {
    orgId: staff.orgId,
    actor: staff.actor,
    action: 'booking.moved',
    entityType: 'booking',
    entityId: booking.id,
    changes: {
      occurrence: { from: items.fromOccurrenceId, to: target.id },
      seats: seatChanges,
      priceDifference: totals.total,
      refundId: money.refundId,
      paymentId: money.paymentId,
    },
    requestId: deps.requestId,
  });
  return {
    fromOccurrenceId: booking.occurrenceId,
    result: { priceDifference, ...money },
  };
}

/** The booking's live seats named by the request; to another date, all of them move. */
async function movingItems(
  tx: Tx,
  booking: { id: string; reference: string; occurrenceId: string | null },
  input: MoveBookingInput,
) {
  const seats = await tx
    .selectFrom('bookingItems as bi')
    .leftJoin('ticketTypes as tt', 'tt.id', 'bi.ticketTypeId')
    .select([
      'bi.id',
      'bi.seatId',
      'bi.occurrenceId',
      'bi.ticketTypeId',
      'bi.unitAmount',
      'bi.discountAmount',
      'bi.taxAmount',
      'bi.totalAmount',
      'bi.originStopId',
      'bi.destinationStopId',
      'tt.seatCategory',
    ])
    .where('bi.bookingId', '=', booking.id)
    .where('bi.kind', '=', 'seat')
    .where('bi.status', '=', 'live')
    .orderBy('bi.position')
    .execute();
  const requested = input.seats.map((seat) => seat.bookingItemId);
  if (new Set(requested).size !== requested.length)
    throw new AppError('VALIDATION', 'A seat of the booking is listed twice.');
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
  const admitted = await tx
    .selectFrom('tickets')
    .select('id')
    .where('bookingItemId', 'in', requested)
    .where('status', '=', 'valid')
    .where('checkedInAt', 'is not', null)
    .executeTakeFirst();
  if (admitted)
    throw new AppError(
      'CONFLICT',
      'A ticket of these seats was already checked in: it cannot move.',
    );
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

const requestedSeat = (input: MoveBookingInput, bookingItemId: string) =>
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

/** The old tickets of a moved seat stop admitting; new codes go to the same attendees. */
async function reissueTickets(
  tx: Tx,
  moved: { orgId: string; bookingItemId: string; occurrenceId: string },
) {
  const voided = await tx
    .updateTable('tickets')
    .set({ status: 'void' })
    .where('bookingItemId', '=', moved.bookingItemId)
    .where('status', '=', 'valid')
    .returning(['bookingId', 'attendeeId'])
    .execute();
  if (!voided.length) return;
  await tx
    .insertInto('tickets')
    .values(
      voided.map((ticket) => ({
        orgId: moved.orgId,
        bookingId: ticket.bookingId,
        bookingItemId: moved.bookingItemId,
        attendeeId: ticket.attendeeId,
        occurrenceId: moved.occurrenceId,
        code: newTicketCode(),
      })),
    )
    .execute();
}
