import { randomBytes } from 'node:crypto';
import type { Db, PriceRules } from '@tessera/db';
import type { Insertable } from 'kysely';

/**
 * Test fixtures that put an occurrence's stock into a known state the way the engine
 * would leave it (a booking or hold row owning the seats/units), without going through
 * the hold code, which other tests own.
 */
interface OccurrenceRef {
  id: string;
  orgId: string;
  offeringId: string;
}

const reference = () => randomBytes(5).toString('hex').toUpperCase().slice(0, 10);

async function confirmedBooking(db: Db, occurrence: OccurrenceRef): Promise<{ id: string }> {
  return db
    .insertInto('bookings')
    .values({
      orgId: occurrence.orgId,
      reference: reference(),
      offeringId: occurrence.offeringId,
      occurrenceId: occurrence.id,
      status: 'confirmed',
      confirmedAt: new Date(),
      contactName: 'Test Buyer',
      contactEmail: 'buyer@tessera.test',
      subtotalAmount: 0,
      totalAmount: 0,
      currency: 'EUR',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function sellSeats(
  db: Db,
  occurrence: OccurrenceRef,
  seatIds: readonly string[],
): Promise<void> {
  const booking = await confirmedBooking(db, occurrence);
  await db
    .updateTable('occurrenceSeats')
    .set({ status: 'sold', bookingId: booking.id, holdId: null, heldUntil: null })
    .where('occurrenceId', '=', occurrence.id)
    .where('seatId', 'in', [...seatIds])
    .execute();
}

export async function holdSeats(
  db: Db,
  occurrence: OccurrenceRef,
  seatIds: readonly string[],
  heldUntil: Date,
): Promise<void> {
  const hold = await db
    .insertInto('holds')
    .values({
      orgId: occurrence.orgId,
      offeringId: occurrence.offeringId,
      occurrenceId: occurrence.id,
      clientKey: 'test',
      expiresAt: heldUntil,
      currency: 'EUR',
      // A past heldUntil models an expired hold the worker has not tidied yet: still 'active'.
      status: 'active',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('occurrenceSeats')
    .set({ status: 'held', holdId: hold.id, heldUntil })
    .where('occurrenceId', '=', occurrence.id)
    .where('seatId', 'in', [...seatIds])
    .execute();
}

/** Marks `count` general-admission units of a ticket type sold. */
export async function sellUnits(
  db: Db,
  occurrence: OccurrenceRef,
  ticketTypeId: string,
  count: number,
): Promise<void> {
  const booking = await confirmedBooking(db, occurrence);
  await db
    .updateTable('ticketUnits')
    .set({ status: 'sold', bookingId: booking.id })
    .where('occurrenceId', '=', occurrence.id)
    .where('ticketTypeId', '=', ticketTypeId)
    .where('unitNo', '<=', count)
    .execute();
}

export async function addPriceRule(
  db: Db,
  rule: Omit<Insertable<PriceRules>, 'id'>,
): Promise<void> {
  await db.insertInto('priceRules').values(rule).execute();
}
