import { randomUUID } from 'node:crypto';
import type { Db } from '@tessera/db';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createResource,
  createSeatMap,
  createSegmentFares,
  createTicketType,
  createTripStops,
  createVenue,
  daysFromNowAt,
  weeklyHours,
} from '@tessera/db/seed';

/** A short token that makes this test's names and slugs its own. */
export const token = () => randomUUID().slice(0, 8);

/**
 * A concert in Paris, one date a week ahead, one 29.00 EUR ticket type: general admission,
 * or with `seats`, reserved seating on one row of that many seats (Stalls, row A).
 */
export async function concert(
  db: Db,
  {
    quota = 20,
    priceAmount = 2900,
    cancellationCutoffHours = 24,
    seats,
  }: {
    quota?: number;
    priceAmount?: number;
    cancellationCutoffHours?: number | null;
    seats?: number;
  } = {},
) {
  const id = token();
  const org = await createOrg(db, { name: `Salle ${id}`, slug: `salle-${id}` });
  const venue = await createVenue(db, { org, name: `Salle ${id}`, timeZone: 'Europe/Paris' });
  const offering = await createOffering(db, {
    org,
    venue,
    slug: `concert-${id}`,
    name: `Concert ${id}`,
    cancellationCutoffHours,
  });
  const ticketType = await createTicketType(db, {
    offering,
    name: 'Standard',
    priceAmount,
    ...(seats ? { seatCategory: 'standard' } : { quotaPerOccurrence: quota }),
  });
  const seatMap = seats
    ? (
        await createSeatMap(db, {
          org,
          venue,
          sections: [{ name: 'Stalls', rows: 1, seatsPerRow: seats, category: 'standard' }],
        })
      ).seatMap
    : null;
  const occurrence = await createOccurrence(
    db,
    seatMap ? { offering, seatMap } : { offering, capacity: quota },
  );
  return { org, offering, ticketType, occurrence };
}

/** Courts in Paris open 09:00-12:00 every day, booked by the hour, 24.00 EUR. */
export async function tennisCourts(db: Db) {
  const id = token();
  const org = await createOrg(db, { name: `Club ${id}`, slug: `club-${id}` });
  const venue = await createVenue(db, { org, name: `Club ${id}`, timeZone: 'Europe/Paris' });
  const hours = weeklyHours({ 'mon-sun': ['09:00', '12:00'] });
  const resources = [];
  for (const name of ['Court A', 'Court B']) {
    resources.push(
      (
        await createResource(db, {
          org,
          venue,
          kind: 'court',
          name,
          timeZone: 'Europe/Paris',
          hours,
        })
      ).resource,
    );
  }
  const offering = await createOffering(db, {
    org,
    venue,
    kind: 'appointment',
    slug: `court-${id}`,
    name: `Court hour ${id}`,
    slotMinutes: 60,
    horizonDays: 90,
    maxPerOrder: 1,
    resources,
  });
  await createTicketType(db, { offering, name: 'Court hour', priceAmount: 2400, maxPerOrder: 1 });
  return { offering, resources };
}

/**
 * A coach between two cities of its own (so stop suggestions and results are this test's),
 * calling at a third on the way: 8 seats, names asked per passenger, one departure at 08:00
 * Algiers time in three days. 18.00 EUR for the whole route, 11.00 EUR from the middle stop.
 * Unseated, the 8 places are sold as tickets of a fare with a quota (no seat map).
 */
export async function coach(db: Db, { seated = true }: { seated?: boolean } = {}) {
  const id = token();
  const origin = `Setif ${id}`;
  const destination = `Bejaia ${id}`;
  const middle = `Kherrata ${id}`;
  const zone = 'Africa/Algiers';
  const org = await createOrg(db, { name: `Coaches ${id}`, slug: `coaches-${id}`, timeZone: zone });
  const venue = await createVenue(db, { org, name: `${origin} station`, timeZone: zone });
  const seatMap = seated
    ? (
        await createSeatMap(db, {
          org,
          venue,
          name: 'Coach — 8 seats',
          sections: [
            {
              name: 'Coach',
              rows: 2,
              seatsPerRow: 4,
              rowLabel: (row) => String(row + 1),
              seatLabel: (_row, seat) => 'ABCD'[seat] ?? '?',
              aisleAfter: [1],
              category: 'standard',
            },
          ],
        })
      ).seatMap
    : undefined;
  const offering = await createOffering(db, {
    org,
    venue,
    kind: 'trip',
    slug: `coach-${id}`,
    name: `${origin} → ${destination} coach`,
    attendeeFields: ['name'],
    cancellationCutoffHours: 24,
  });
  const [, middleStop, destinationStop] = await createTripStops(db, {
    offering,
    stops: [
      { name: origin, city: origin, timeZone: zone, departureOffsetMinutes: 0 },
      {
        name: middle,
        city: middle,
        timeZone: zone,
        arrivalOffsetMinutes: 90,
        departureOffsetMinutes: 95,
      },
      { name: destination, city: destination, timeZone: zone, arrivalOffsetMinutes: 215 },
    ],
  });
  if (!middleStop || !destinationStop) throw new Error('the route was not created');
  const adult = await createTicketType(db, {
    offering,
    name: 'Adult',
    priceAmount: 1800,
    quotaPerOccurrence: seated ? null : 8,
  });
  await createSegmentFares(db, {
    ticketType: adult,
    fares: [{ origin: middleStop, destination: destinationStop, priceAmount: 1100 }],
  });
  const startsAt = daysFromNowAt(new Date(), 3, '08:00', zone);
  const occurrence = await createOccurrence(db, {
    offering,
    seatMap,
    capacity: seated ? undefined : 8,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 215 * 60_000),
  });
  return {
    offering,
    occurrence,
    adult,
    origin,
    middle,
    destination,
    zone,
    stopIds: { middle: middleStop.id, destination: destinationStop.id },
  };
}
