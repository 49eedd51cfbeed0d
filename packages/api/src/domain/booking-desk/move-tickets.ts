import { AppError } from '../../errors';
import { fareFor } from '../holds/fares';
import { describeItem } from '../holds/store';
import { claimUnits } from '../inventory/units';
import { loadHoldContext } from '../pricing/context';
import type { Tx } from '../shared/idempotency';
import {
  addTotals,
  checkTargetDate,
  journeyOfMove,
  NO_CHANGE,
  PRICED_LINE_COLUMNS,
  refuseAdmitted,
  refuseRepeats,
  repriceMovedItem,
  type BookingToMove,
  type MovedPlaces,
} from './move-items';
import type { TicketMoveInput } from './schemas';

/**
 * General-admission lines to another date, or to another ticket type on the same date: each
 * line's units are claimed by the engine's claim of units (SOLD_OUT, and the transaction rolls
 * back, if too few are left), its old units freed, and the line repriced at the new type.
 */
export async function moveTickets(
  tx: Tx,
  booking: BookingToMove,
  input: TicketMoveInput,
  now: Date,
): Promise<MovedPlaces> {
  const lines = await movingLines(tx, booking, input);
  const { pricing, terms } = await loadHoldContext(tx, input.occurrenceId, now);
  const target = pricing.occurrence;
  checkTargetDate(target, booking, now);

  // The old units go back first: no line keeps its type on its date (movingLines), so none
  // of them is wanted by the claims below, and a swap of types between lines needs them free.
  for (const { item } of lines.list)
    await tx
      .updateTable('ticketUnits')
      .set({
        status: 'free',
        bookingId: null,
        holdId: null,
        heldUntil: null,
        updatedAt: new Date(),
      })
      .where('occurrenceId', '=', lines.fromOccurrenceId)
      .where('ticketTypeId', '=', item.ticketTypeId)
      .where((eb) =>
        eb.or([
          eb('bookingId', '=', booking.id),
          eb.and([eb('holdId', '=', booking.holdId), eb('status', '=', 'held')]),
        ]),
      )
      .execute();

  const journey = await journeyOfMove(tx, booking, terms.kind, lines.list[0]?.item);
  let totals = NO_CHANGE;
  const changes: MovedPlaces['changes'] = [];
  for (const { item, ticketTypeId } of lines.list) {
    const type = pricing.ticketTypes.find(
      (candidate) =>
        candidate.id === ticketTypeId && candidate.active && candidate.seatCategory === null,
    );
    if (!type)
      throw new AppError('VALIDATION', 'This ticket type is not on sale for that date.', {
        ticketTypeId,
      });
    await claimUnits(tx, {
      occurrenceId: target.id,
      ticketTypeId: type.id,
      ticketTypeName: type.name,
      quantity: item.quantity,
      holdId: booking.holdId,
      heldUntil: booking.heldUntil,
    });
    const moved = await repriceMovedItem(tx, booking, item, {
      unitAmount: fareFor(pricing, type.id, journey),
      taxRate: pricing.taxRate,
      occurrenceId: target.id,
      set: {
        ticketTypeId: type.id,
        description: describeItem({
          kind: 'ticket',
          section: null,
          rowLabel: null,
          number: null,
          ticketTypeName: type.name,
          addOnName: null,
          resourceName: null,
        }),
      },
      holdItem: {
        holdId: booking.holdId,
        match: { kind: 'ticket', was: item.ticketTypeId },
        set: { ticketTypeId: type.id },
      },
    });
    totals = addTotals(totals, moved);
    changes.push({
      bookingItemId: item.id,
      quantity: item.quantity,
      from: item.ticketTypeId,
      to: type.id,
      price: moved.gross,
    });
  }
  return { fromOccurrenceId: lines.fromOccurrenceId, toOccurrenceId: target.id, totals, changes };
}

/** The booking's live ticket lines named by the request; to another date, all of them move. */
async function movingLines(tx: Tx, booking: BookingToMove, input: TicketMoveInput) {
  const lines = await tx
    .selectFrom('bookingItems as bi')
    .select(PRICED_LINE_COLUMNS)
    .where('bi.bookingId', '=', booking.id)
    .where('bi.kind', '=', 'ticket')
    .where('bi.status', '=', 'live')
    .orderBy('bi.position')
    .execute();
  const requested = input.tickets.map((line) => line.bookingItemId);
  refuseRepeats(requested, 'ticket line');
  const fromOccurrenceId = booking.occurrenceId ?? input.occurrenceId;
  const sameDate = input.occurrenceId === fromOccurrenceId;
  const list = input.tickets.map((request) => {
    const item = lines.find((line) => line.id === request.bookingItemId);
    if (!item?.ticketTypeId)
      throw new AppError(
        'VALIDATION',
        `This ticket line is not part of booking ${booking.reference}.`,
      );
    if (sameDate && request.ticketTypeId === item.ticketTypeId)
      throw new AppError(
        'VALIDATION',
        'Choose another date, or another ticket type than the one booked.',
      );
    return {
      item: { ...item, ticketTypeId: item.ticketTypeId },
      ticketTypeId: request.ticketTypeId,
    };
  });
  if (!sameDate && list.length !== lines.length)
    throw new AppError(
      'VALIDATION',
      `Moving to another date moves the whole booking: choose a ticket type for each of its ${lines.length} ticket lines.`,
    );
  await refuseAdmitted(tx, requested);
  return { fromOccurrenceId, list };
}
