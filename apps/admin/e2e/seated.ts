import type { APIRequestContext } from '@playwright/test';
import {
  DEMO,
  createOccurrence,
  createOffering,
  createSeatMap,
  createTicketType,
  createVenue,
} from '@tessera/db/seed';
import { withSuiteDatabase } from './database';
import { mutate } from './desk';

/** A seated show of the demo org: stalls at €45.00, a circle at €70.00, in ten days. */
export async function seatedShow() {
  const id = crypto.randomUUID().slice(0, 8);
  return withSuiteDatabase(async (db) => {
    const org = await db
      .selectFrom('orgs')
      .selectAll()
      .where('slug', '=', DEMO.orgSlug)
      .executeTakeFirstOrThrow();
    const venue = await createVenue(db, { org, name: `Theatre ${id}`, timeZone: 'Europe/Paris' });
    const offering = await createOffering(db, {
      org,
      venue,
      slug: `move-${id}`,
      name: `Move show ${id}`,
    });
    await createTicketType(db, {
      offering,
      name: 'Stalls',
      seatCategory: 'standard',
      priceAmount: 4500,
    });
    await createTicketType(db, {
      offering,
      name: 'Circle',
      seatCategory: 'premium',
      priceAmount: 7000,
    });
    const { seatMap, seats } = await createSeatMap(db, {
      org,
      venue,
      sections: [
        { name: 'Stalls', rows: 1, seatsPerRow: 3, category: 'standard' },
        { name: 'Circle', rows: 1, seatsPerRow: 2, category: 'premium' },
      ],
    });
    const startsAt = new Date(Date.now() + 10 * 86_400_000);
    const occurrence = await createOccurrence(db, { offering, seatMap, startsAt });
    const stalls = seats.filter((seat) => seat.category === 'standard');
    return { occurrence, seatMap, stalls };
  });
}

/** A customer books one seat through the public API (paid at the venue: awaiting payment). */
export async function bookSeat(
  request: APIRequestContext,
  show: Awaited<ReturnType<typeof seatedShow>>,
  seatId: string,
): Promise<string> {
  const hold = await mutate(request, 'holds.create', {
    occurrenceId: show.occurrence.id,
    seatIds: [seatId],
  });
  const booked = await mutate(request, 'bookings.checkout', {
    holdId: hold.holdId,
    idempotencyKey: `e2e-${crypto.randomUUID()}`,
    contact: { name: 'Lena Seat', email: `seat-${crypto.randomUUID().slice(0, 8)}@example.test` },
  });
  return String(booked.reference);
}
