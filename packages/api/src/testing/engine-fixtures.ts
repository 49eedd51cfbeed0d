import type { Db } from '@tessera/db';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createResource,
  createSeatMap,
  createTicketType,
  createVenue,
  daysFromNowAt,
  weeklyHours,
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

/**
 * Two dates (a week apart) of one offering on a map of four standard seats (45.00) and two
 * premium ones (70.00): moves between tiers and dates.
 */
export async function twoTierTheatre(db: Db) {
  const org = await createOrg(db);
  const venue = await createVenue(db, { org });
  const offering = await createOffering(db, { org, venue, maxPerOrder: 10 });
  await createTicketType(db, {
    offering,
    name: 'Standard',
    seatCategory: 'standard',
    priceAmount: 4500,
  });
  await createTicketType(db, {
    offering,
    name: 'Premium',
    seatCategory: 'premium',
    priceAmount: 7000,
  });
  const { seatMap, seats } = await createSeatMap(db, {
    org,
    venue,
    sections: [
      { name: 'Stalls', rows: 1, seatsPerRow: 4, category: 'standard' },
      { name: 'Circle', rows: 1, seatsPerRow: 2, category: 'premium' },
    ],
  });
  const occurrence = await createOccurrence(db, { offering, seatMap });
  const later = await createOccurrence(db, {
    offering,
    seatMap,
    startsAt: new Date(occurrence.startsAt.getTime() + 7 * 24 * 3600_000),
  });
  return {
    org,
    offering,
    occurrence,
    later,
    standard: seats.filter((seat) => seat.category === 'standard'),
    premium: seats.filter((seat) => seat.category === 'premium'),
  };
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

/**
 * A general-admission festival on two dates a week apart, with Standing (20.00) and VIP
 * (50.00) units on each: moves between dates and ticket types.
 */
export async function twoDateFestival(db: Db, { standing = 10, vip = 2 } = {}) {
  const org = await createOrg(db);
  const offering = await createOffering(db, { org, maxPerOrder: 10 });
  const standingType = await createTicketType(db, {
    offering,
    name: 'Standing',
    priceAmount: 2000,
    quotaPerOccurrence: standing,
  });
  const vipType = await createTicketType(db, {
    offering,
    name: 'VIP',
    priceAmount: 5000,
    quotaPerOccurrence: vip,
  });
  const occurrence = await createOccurrence(db, { offering, capacity: standing + vip });
  const later = await createOccurrence(db, {
    offering,
    capacity: standing + vip,
    startsAt: new Date(occurrence.startsAt.getTime() + 7 * 24 * 3600_000),
  });
  return { org, offering, occurrence, later, standing: standingType, vip: vipType };
}

/**
 * Two tennis courts in Paris, open 08:00-20:00 every day, booked by the hour (30.00): moves
 * between start times and courts. `at('10:00')` is that local time three days from now.
 */
export async function tennisCourts(db: Db) {
  const timeZone = 'Europe/Paris';
  const org = await createOrg(db, { timeZone });
  const hours = weeklyHours({ 'mon-sun': ['08:00', '20:00'] });
  const court = async (name: string) =>
    (await createResource(db, { org, kind: 'court', name, timeZone, hours })).resource;
  const [centre, outside] = [await court('Centre court'), await court('Court 2')];
  const offering = await createOffering(db, {
    org,
    kind: 'appointment',
    slotMinutes: 60,
    resources: [centre, outside],
  });
  await createTicketType(db, { offering, name: 'Court hour', priceAmount: 3000 });
  const at = (time: string) => daysFromNowAt(new Date(), 3, time, timeZone);
  return { org, offering, centre, outside, at };
}

/** The item at `index`, for fixtures known to be long enough (no `!` in tests either). */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`fixture has no item ${index}`);
  return item;
}
