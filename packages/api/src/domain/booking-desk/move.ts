import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import { sellHeldInventory } from '../bookings/fulfil';
import type { InventoryEvents } from '../events/inventory';
import { emailPaymentLink } from '../payments/payment-link';
import type { PaymentProvider } from '../payments/provider';
import { sendRefund } from '../payments/refunds';
import type { Tx } from '../shared/idempotency';
import { enqueueOutbox, type OutboxEvent } from '../shared/outbox';
import type { BookingToMove, MovedPlaces } from './move-items';
import { settleMoveDifference } from './move-money';
import { moveSeats } from './move-seats';
import { moveSlot } from './move-slot';
import { moveTickets } from './move-tickets';
import type { MoveBookingInput, MoveBookingResult } from './schemas';

export interface MoveDeps {
  provider: PaymentProvider;
  events: InventoryEvents;
  requestId: string;
}

/**
 * Moves a booking's places (seats, general-admission tickets or an appointment) in one
 * transaction: the new ones are claimed by the engine's claims (and nothing changes if one
 * is taken), the old ones freed and offered to the date's waiting list, tickets reissued
 * (the old codes stop admitting) and the price difference settled. A confirmed booking's
 * difference is refunded or left owing; a booking still waiting for payment just owes its
 * new total, by a new link emailed after the commit.
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
  for (const occurrenceId of new Set([moved.fromOccurrenceId, moved.toOccurrenceId]))
    deps.events.changed({ orgId: staff.orgId, occurrenceId: occurrenceId ?? undefined });
  if (moved.result.refundId) await sendRefund(db, moved.result.refundId, deps.provider);
  // The old link asked for the old total and was cancelled: the customer gets the new one.
  const linkEmailed =
    moved.waitingForPayment && moved.result.paymentId !== null && deps.provider.name !== 'offline';
  if (linkEmailed && moved.result.paymentId)
    await emailPaymentLink(db, moved.result.paymentId, staff, deps);
  return { ...moved.result, linkEmailed };
}

async function moveInTransaction(
  tx: Tx,
  input: MoveBookingInput,
  staff: StaffMember,
  deps: MoveDeps,
  now: Date,
) {
  const booking = await lockBookingToMove(tx, input.reference, staff, now);
  const places = await movePlaces(tx, booking, input, now);
  if (booking.status === 'confirmed') await sellHeldInventory(tx, booking.holdId, booking.id);
  await tx
    .updateTable('holds')
    .set({ occurrenceId: places.toOccurrenceId })
    .where('id', '=', booking.holdId)
    .execute();

  const { totals } = places;
  await tx
    .updateTable('bookings')
    .set((eb) => ({
      occurrenceId: places.toOccurrenceId,
      subtotalAmount: eb('subtotalAmount', '+', totals.subtotal),
      discountAmount: eb('discountAmount', '+', totals.discount),
      taxAmount: eb('taxAmount', '+', totals.tax),
      totalAmount: eb('totalAmount', '+', totals.total),
      updatedAt: sql<Date>`now()`,
    }))
    .where('id', '=', booking.id)
    .execute();
  const money =
    totals.total === 0
      ? { refundId: null, paymentId: null }
      : await settleMoveDifference(tx, booking, totals.total, {
          providerName: deps.provider.name,
          requestedBy: staff.actor.userId,
        });
  await enqueueOutbox(tx, movedEvents(booking, places));
  await recordAudit(tx, {
    orgId: staff.orgId,
    actor: staff.actor,
    action: 'booking.moved',
    entityType: 'booking',
    entityId: booking.id,
    changes: {
      kind: input.kind,
      occurrence: { from: places.fromOccurrenceId, to: places.toOccurrenceId },
      [input.kind]: places.changes,
      priceDifference: totals.total,
      refundId: money.refundId,
      paymentId: money.paymentId,
    },
    requestId: deps.requestId,
  });
  return {
    fromOccurrenceId: places.fromOccurrenceId,
    toOccurrenceId: places.toOccurrenceId,
    waitingForPayment: booking.status === 'pending_payment',
    result: { priceDifference: { amount: totals.total, currency: booking.currency }, ...money },
  };
}

function movePlaces(tx: Tx, booking: BookingToMove, input: MoveBookingInput, now: Date) {
  switch (input.kind) {
    case 'seats':
      return moveSeats(tx, booking, input, now);
    case 'tickets':
      return moveTickets(tx, booking, input, now);
    case 'slot':
      return moveSlot(tx, booking, input, now);
  }
}

/**
 * The customer is told (new tickets, or the new place to pay for); places freed on a date
 * are announced as a cancellation's are, so its waiting list moves on (the worker's
 * waitlist queue takes `inventory.released` of an occurrence).
 */
function movedEvents(booking: BookingToMove, places: MovedPlaces): OutboxEvent[] {
  const events: OutboxEvent[] = [
    {
      orgId: booking.orgId,
      aggregateType: 'booking',
      aggregateId: booking.id,
      eventType: 'booking.moved',
      payload: {
        reference: booking.reference,
        fromOccurrenceId: places.fromOccurrenceId,
        occurrenceId: places.toOccurrenceId,
        priceDifference: places.totals.total,
        currency: booking.currency,
      },
    },
  ];
  if (places.fromOccurrenceId)
    events.push({
      orgId: booking.orgId,
      aggregateType: 'occurrence',
      aggregateId: places.fromOccurrenceId,
      eventType: 'inventory.released',
      payload: { occurrenceId: places.fromOccurrenceId, reference: booking.reference },
    });
  return events;
}

/** The org's booking, locked; confirmed, or waiting for payment with its places still held. */
async function lockBookingToMove(
  tx: Tx,
  reference: string,
  staff: StaffMember,
  now: Date,
): Promise<BookingToMove> {
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
      'paymentDueAt',
    ])
    .where('reference', '=', reference)
    .where('orgId', '=', staff.orgId)
    .forUpdate()
    .executeTakeFirst();
  if (!booking)
    throw new AppError('NOT_FOUND', 'No booking of your organisation has this reference.');
  const { status, holdId, paymentDueAt } = booking;
  if (status !== 'confirmed' && status !== 'pending_payment')
    throw new AppError('CONFLICT', `This booking is ${status}: it cannot be moved.`);
  // Every place the engine sells belongs to a hold; the booking's (converted) hold claims the new ones.
  if (!holdId) throw new AppError('CONFLICT', 'This booking has no places held for it to move.');
  if (status === 'confirmed') return { ...booking, status, holdId, heldUntil: now };
  if (!paymentDueAt || paymentDueAt <= now)
    throw new AppError(
      'CONFLICT',
      'This booking’s time to pay is over: its places are no longer held, so it cannot be moved.',
    );
  return { ...booking, status, holdId, heldUntil: paymentDueAt };
}
