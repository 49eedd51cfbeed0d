import { sql } from 'kysely';
import { sellSlotsOfHold } from '../inventory/slots';
import type { Tx } from '../shared/idempotency';
import { enqueueOutbox } from '../shared/outbox';
import { newTicketCode } from './reference';

/**
 * Turns what a hold still holds into sold inventory of the booking, all or nothing. Returns
 * false, changing nothing, when some of it was lost (the hold lapsed and someone else
 * claimed it): the caller must not confirm.
 */
export async function sellInventoryOfHold(
  tx: Tx,
  holdId: string,
  bookingId: string,
): Promise<boolean> {
  await sql`SAVEPOINT sell_inventory`.execute(tx);
  const sold = await sellAll(tx, holdId, bookingId);
  await sql
    .raw(sold ? 'RELEASE SAVEPOINT sell_inventory' : 'ROLLBACK TO SAVEPOINT sell_inventory')
    .execute(tx);
  return sold;
}

async function sellAll(tx: Tx, holdId: string, bookingId: string): Promise<boolean> {
  const expected = await tx
    .selectFrom('holdItems')
    .select(['kind', 'quantity'])
    .where('holdId', '=', holdId)
    .execute();
  const want = (kind: string) =>
    expected.filter((item) => item.kind === kind).reduce((sum, item) => sum + item.quantity, 0);
  const sold = await sellHeldInventory(tx, holdId, bookingId);
  return sold.seats === want('seat') && sold.units === want('ticket') && sold.slots === want('slot');
}

/** Sells to the booking what its hold holds now (seats, units, slots), counting each. */
export async function sellHeldInventory(
  tx: Tx,
  holdId: string,
  bookingId: string,
): Promise<{ seats: number; units: number; slots: number }> {
  const seats = await sql`
    UPDATE occurrence_seats SET status = 'sold', booking_id = ${bookingId}, held_until = NULL, updated_at = now()
    WHERE hold_id = ${holdId} AND status = 'held'
  `.execute(tx);
  const units = await sql`
    UPDATE ticket_units SET status = 'sold', booking_id = ${bookingId}, held_until = NULL, updated_at = now()
    WHERE hold_id = ${holdId} AND status = 'held'
  `.execute(tx);
  const slots = await sellSlotsOfHold(tx, holdId, bookingId);
  return {
    seats: Number(seats.numAffectedRows ?? 0),
    units: Number(units.numAffectedRows ?? 0),
    slots,
  };
}

/**
 * Confirms a booking whose inventory is sold: issues one ticket per seat, ticket or slot
 * (attendees in order), and tells the outbox. Exactly once: only a non-confirmed booking moves.
 */
export async function confirmBooking(tx: Tx, bookingId: string): Promise<boolean> {
  const booking = await tx
    .updateTable('bookings')
    .set({ status: 'confirmed', confirmedAt: sql<Date>`now()`, updatedAt: sql<Date>`now()` })
    .where('id', '=', bookingId)
    .where('status', '=', 'pending_payment')
    .returning(['id', 'orgId', 'reference', 'occurrenceId', 'contactEmail'])
    .executeTakeFirst();
  if (!booking) return false;
  const items = await tx
    .selectFrom('bookingItems')
    .select(['id', 'kind', 'quantity', 'occurrenceId'])
    .where('bookingId', '=', bookingId)
    .where('kind', 'in', ['seat', 'ticket', 'slot'])
    .orderBy('position')
    .execute();
  const attendees = await tx
    .selectFrom('attendees')
    .select('id')
    .where('bookingId', '=', bookingId)
    .orderBy('position')
    .execute();
  const tickets = items.flatMap((item) => Array.from({ length: item.quantity }, () => item));
  if (tickets.length) {
    await tx
      .insertInto('tickets')
      .values(
        tickets.map((item, index) => ({
          orgId: booking.orgId,
          bookingId,
          bookingItemId: item.id,
          attendeeId: attendees[index]?.id ?? null,
          occurrenceId: item.occurrenceId,
          code: newTicketCode(),
        })),
      )
      .execute();
  }
  await enqueueOutbox(tx, [
    {
      orgId: booking.orgId,
      aggregateType: 'booking',
      aggregateId: booking.id,
      eventType: 'booking.confirmed',
      payload: {
        reference: booking.reference,
        occurrenceId: booking.occurrenceId,
        email: booking.contactEmail,
      },
    },
  ]);
  return true;
}
