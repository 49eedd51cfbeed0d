import type { BookingItems, HoldItems } from '@tessera/db';
import type { Updateable } from 'kysely';
import { AppError } from '../../errors';
import { newTicketCode } from '../bookings/reference';
import { validateJourney, type Journey } from '../holds/fares';
import { taxOf, type TaxRateInput } from '../pricing';
import type { Tx } from '../shared/idempotency';

/** The booking a move works on, locked for the move's transaction. */
export interface BookingToMove {
  id: string;
  orgId: string;
  reference: string;
  status: 'confirmed' | 'pending_payment';
  /** The (converted) hold every place the engine sells belongs to: it claims the new ones. */
  holdId: string;
  offeringId: string;
  occurrenceId: string | null;
  currency: string;
  paidAmount: number;
  refundedAmount: number;
  /**
   * Until when the new places are held: a booking waiting for payment keeps them held to its
   * payment deadline (its payment sells them); a confirmed booking's are sold in the move.
   */
  heldUntil: Date;
}

/** What changed in the booking's totals (new minus old), in minor units. */
export interface Totals {
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
}

export const NO_CHANGE: Totals = { subtotal: 0, discount: 0, tax: 0, total: 0 };

export const addTotals = (a: Totals, b: Totals): Totals => ({
  subtotal: a.subtotal + b.subtotal,
  discount: a.discount + b.discount,
  tax: a.tax + b.tax,
  total: a.total + b.total,
});

/** What one kind of move (seats, tickets, a slot) did, for the booking, the outbox and the audit. */
export interface MovedPlaces {
  /** The date the places left (null for appointments): its waiting list may move on. */
  fromOccurrenceId: string | null;
  /** The booking's date after the move (null for appointments). */
  toOccurrenceId: string | null;
  totals: Totals;
  /** Old and new place of each moved line, for the audit entry. */
  changes: Record<string, unknown>[];
}

/** A hold item by what the line held: its seat, or its ticket type. */
export type HoldItemMatch = { kind: 'seat' | 'ticket'; was: string };

export interface PricedItem {
  id: string;
  quantity: number;
  unitAmount: number;
  discountAmount: number;
  taxAmount: number;
  totalAmount: number;
}

/** The columns of a booking line (`bi`) that a move reprices from. */
export const PRICED_LINE_COLUMNS = [
  'bi.id',
  'bi.ticketTypeId',
  'bi.quantity',
  'bi.unitAmount',
  'bi.discountAmount',
  'bi.taxAmount',
  'bi.totalAmount',
  'bi.originStopId',
  'bi.destinationStopId',
] as const;

/** The journey the moved lines travel (a trip's stops, kept), priced again on the new date. */
export function journeyOfMove(
  tx: Tx,
  booking: Pick<BookingToMove, 'offeringId'>,
  kind: string,
  first: { originStopId: string | null; destinationStopId: string | null } | undefined,
): Promise<Journey> {
  return validateJourney(
    tx,
    { offeringId: booking.offeringId, kind },
    {
      originStopId: first?.originStopId ?? undefined,
      destinationStopId: first?.destinationStopId ?? undefined,
    },
  );
}

/**
 * Rewrites a moved line at its new unit price (its discount kept, up to the new amount; tax
 * of the target date) and reissues its tickets for the new date. Returns the change in totals.
 */
export async function repriceMovedItem(
  tx: Tx,
  booking: Pick<BookingToMove, 'orgId'>,
  item: PricedItem,
  next: {
    unitAmount: number;
    taxRate: TaxRateInput | null;
    occurrenceId: string | null;
    set: Updateable<BookingItems>;
    /**
     * The hold's item of the line (by its old seat or ticket type) and what it becomes: a late
     * payment reclaims what the hold's items name.
     */
    holdItem: { holdId: string; match: HoldItemMatch; set: Updateable<HoldItems> };
  },
): Promise<Totals & { gross: number }> {
  const line = next.unitAmount * item.quantity;
  const discountAmount = Math.min(item.discountAmount, line);
  const taxed = taxOf(line - discountAmount, next.taxRate);
  await tx
    .updateTable('bookingItems')
    .set({
      ...next.set,
      occurrenceId: next.occurrenceId,
      unitAmount: next.unitAmount,
      discountAmount,
      taxAmount: taxed.tax,
      totalAmount: taxed.gross,
    })
    .where('id', '=', item.id)
    .execute();
  await reissueTickets(tx, {
    orgId: booking.orgId,
    bookingItemId: item.id,
    occurrenceId: next.occurrenceId,
  });
  const { holdId, match, set } = next.holdItem;
  await tx
    .updateTable('holdItems')
    .set({ ...set, unitAmount: next.unitAmount })
    .where('holdId', '=', holdId)
    .where('kind', '=', match.kind)
    .where(match.kind === 'seat' ? 'seatId' : 'ticketTypeId', '=', match.was)
    .execute();
  return {
    subtotal: line - item.unitAmount * item.quantity,
    discount: discountAmount - item.discountAmount,
    tax: taxed.tax - item.taxAmount,
    total: taxed.gross - item.totalAmount,
    gross: taxed.gross,
  };
}

/** The old tickets of a moved line stop admitting; new codes go to the same attendees. */
export async function reissueTickets(
  tx: Tx,
  moved: { orgId: string; bookingItemId: string; occurrenceId: string | null },
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

/** A line whose ticket already admitted someone stays where it is. */
export async function refuseAdmitted(tx: Tx, bookingItemIds: readonly string[]) {
  const admitted = await tx
    .selectFrom('tickets')
    .select('id')
    .where('bookingItemId', 'in', bookingItemIds)
    .where('status', '=', 'valid')
    .where('checkedInAt', 'is not', null)
    .executeTakeFirst();
  if (admitted)
    throw new AppError(
      'CONFLICT',
      'A ticket of these places was already checked in: it cannot move.',
    );
}

/** Listing a line twice would move it twice. */
export function refuseRepeats(ids: readonly string[], what: string) {
  if (new Set(ids).size !== ids.length)
    throw new AppError('VALIDATION', `A ${what} of the booking is listed twice.`);
}

/**
 * The target date of a move to a date: of the booking's offering (another org's or
 * offering's date is NOT_FOUND), still scheduled and not started.
 */
export function checkTargetDate(
  target: { orgId: string; offeringId: string; status: string; startsAt: Date },
  booking: Pick<BookingToMove, 'orgId' | 'offeringId'>,
  now: Date,
) {
  if (target.orgId !== booking.orgId || target.offeringId !== booking.offeringId)
    throw new AppError('NOT_FOUND', 'No date of this booking’s offering has this id.');
  if (target.status !== 'scheduled' || target.startsAt <= now)
    throw new AppError('SALES_CLOSED', 'This date is cancelled or has started: choose another.');
}
