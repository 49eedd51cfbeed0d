import type { Db } from '@tessera/db';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createSeatMap,
  createTicketType,
  createVenue,
} from '@tessera/db/seed';

/** A published concert with a seat map of `rows` x `seatsPerRow` seats, one price tier. */
export async function seatedOccurrence(
  db: Db,
  { rows = 10, seatsPerRow = 10, priceAmount = 4500 } = {},
) {
  const org = await createOrg(db);
  const venue = await createVenue(db, { org });
  const offering = await createOffering(db, { org, venue, maxPerOrder: 10 });
  await createTicketType(db, { offering, name: 'Standard', seatCategory: 'standard', priceAmount });
  const { seatMap, seats } = await createSeatMap(db, {
    org,
    venue,
    sections: [{ name: 'Stalls', rows, seatsPerRow, category: 'standard' }],
  });
  const occurrence = await createOccurrence(db, { offering, seatMap });
  return { org, offering, occurrence, seats };
}

/** A published general-admission event with one ticket type of `quota` units. */
export async function generalAdmission(
  db: Db,
  { quota = 50, priceAmount = 2000, maxPerOrder = 10 } = {},
) {
  const org = await createOrg(db);
  const offering = await createOffering(db, { org, maxPerOrder });
  const ticketType = await createTicketType(db, {
    offering,
    name: 'Standing',
    priceAmount,
    quotaPerOccurrence: quota,
    maxPerOrder,
  });
  const occurrence = await createOccurrence(db, { offering, capacity: quota });
  return { org, offering, ticketType, occurrence };
}

/** The item at `index`, for fixtures known to be long enough (no `!` in tests either). */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`fixture has no item ${index}`);
  return item;
}
