import {
  atLocalTime,
  createOccurrence,
  createOffering,
  createOrg,
  createSeatMap,
  createSegmentFares,
  createTicketType,
  createTripStops,
  localDateAt,
  type OfferingRow,
  type OrgRow,
  type SeatMapRow,
  type SeatRow,
  type TripStopRow,
} from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPriceRule, sellSeats } from '../domain/catalog/testing/inventory';
import { setupApiTest, type ApiTest } from '../testing/api-test';

const ALGIERS = 'Africa/Algiers'; // UTC+1 all year
let t: ApiTest;
let org: OrgRow;
let coach: OfferingRow;
let stops: TripStopRow[];
let seatMap: SeatMapRow;
let seats: SeatRow[];
// A local day a few days ahead in Algiers, and the one before it.
const day = localDateAt(new Date(), ALGIERS).add({ days: 3 });
const date = day.toString();
const dayBefore = day.subtract({ days: 1 }).toString();

beforeAll(async () => {
  t = await setupApiTest();
  org = await createOrg(t.db, { timeZone: ALGIERS });
  coach = await createOffering(t.db, { org, kind: 'trip', name: 'Algiers–Oran coach' });
  stops = await createTripStops(t.db, {
    offering: coach,
    stops: [
      { name: 'Algiers Kharouba', city: 'Algiers', timeZone: ALGIERS },
      { name: 'Blida', timeZone: ALGIERS, arrivalOffsetMinutes: 50, departureOffsetMinutes: 60 },
      { name: 'Oran Gare', city: 'Oran', timeZone: ALGIERS, arrivalOffsetMinutes: 300 },
    ],
  });
  ({ seatMap, seats } = await createSeatMap(t.db, {
    org,
    sections: [{ name: 'Coach', rows: 2, seatsPerRow: 5, category: 'standard' }],
  }));
  const adult = await createTicketType(t.db, {
    offering: coach,
    name: 'Adult',
    priceAmount: 3000,
    sortOrder: 0,
  });
  await createTicketType(t.db, { offering: coach, name: 'Child', priceAmount: 1500, sortOrder: 1 });
  const [algiers, blida, oran] = stops;
  if (!algiers || !blida || !oran) throw new Error('route not created');
  await createSegmentFares(t.db, {
    ticketType: adult,
    fares: [{ origin: blida, destination: oran, priceAmount: 2200 }],
  });
  await addPriceRule(t.db, {
    orgId: org.id,
    offeringId: coach.id,
    kind: 'occupancy',
    threshold: 50,
    adjustmentKind: 'percent_bp',
    adjustmentValue: 2000,
  });
});
afterAll(() => t.close());

describe('catalog.searchTrips', () => {
  it('finds a 00:30 local departure on its local date, though it is the previous day in UTC', async () => {
    const startsAt = atLocalTime(day, '00:30', ALGIERS);
    expect(startsAt.toISOString().slice(0, 10)).toBe(dayBefore);
    const night = await createOccurrence(t.db, {
      offering: coach,
      seatMap,
      startsAt,
      durationMinutes: 300,
    });
    const evening = await createOccurrence(t.db, {
      offering: coach,
      seatMap,
      startsAt: atLocalTime(day, '18:00', ALGIERS),
      durationMinutes: 300,
    });
    // 00:10 the next local day: same UTC date as the 18:00 departure, another local date.
    await createOccurrence(t.db, {
      offering: coach,
      seatMap,
      startsAt: atLocalTime(day.add({ days: 1 }), '00:10', ALGIERS),
    });

    const api = await t.caller();
    const { items } = await api.catalog.searchTrips({
      origin: 'algiers',
      destination: 'ORAN',
      date,
      passengers: 2,
    });
    expect(items.map((item) => item.occurrenceId)).toEqual([night.id, evening.id]);
    expect(items[0]).toEqual({
      occurrenceId: night.id,
      offering: { id: coach.id, slug: coach.slug, name: 'Algiers–Oran coach' },
      origin: {
        stopId: stops[0]?.id,
        name: 'Algiers Kharouba',
        city: 'Algiers',
        timeZone: ALGIERS,
        departsAt: startsAt,
      },
      destination: {
        stopId: stops[2]?.id,
        name: 'Oran Gare',
        city: 'Oran',
        timeZone: ALGIERS,
        arrivesAt: new Date(startsAt.getTime() + 300 * 60_000),
      },
      durationMinutes: 300,
      remaining: 10,
      price: { amount: 3000, currency: 'EUR' },
      timeZone: ALGIERS,
    });
    expect(
      (
        await api.catalog.searchTrips({
          origin: 'Algiers',
          destination: 'Oran',
          date: dayBefore,
          passengers: 1,
        })
      ).items,
    ).toEqual([]);
  });

  it('prices a segment by its fare, departs at the stop offset, and applies occupancy steps', async () => {
    const startsAt = atLocalTime(day.add({ days: 1 }), '08:00', ALGIERS);
    const occurrence = await createOccurrence(t.db, {
      offering: coach,
      seatMap,
      startsAt,
      durationMinutes: 300,
    });
    const api = await t.caller();
    const search = {
      origin: 'blida',
      destination: 'Oran Gare',
      date: day.add({ days: 1 }).toString(),
      passengers: 1,
    };

    const [before] = (await api.catalog.searchTrips(search)).items.filter(
      (item) => item.occurrenceId === occurrence.id,
    );
    expect(before).toMatchObject({
      origin: { name: 'Blida', departsAt: new Date(startsAt.getTime() + 60 * 60_000) },
      durationMinutes: 240,
      price: { amount: 2200, currency: 'EUR' },
    });
    // The date's seats priced for that journey, as the hold will charge them.
    const journey = {
      originStopId: before?.origin.stopId ?? '',
      destinationStopId: before?.destination.stopId ?? '',
    };
    const forJourney = await api.availability.occurrence({
      occurrenceId: occurrence.id,
      ...journey,
    });
    expect(new Set(forJourney.seats?.map((seat) => seat.price))).toEqual(new Set([2200]));
    const wholeRoute = await api.availability.occurrence({ occurrenceId: occurrence.id });
    expect(new Set(wholeRoute.seats?.map((seat) => seat.price))).toEqual(new Set([3000]));
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      seatIds: [seats[9]?.id ?? ''],
      ...journey,
    });
    expect(hold.total).toEqual({ amount: 2200, currency: 'EUR' });
    await api.holds.release({ holdId: hold.holdId });
    await expect(
      api.availability.occurrence({
        occurrenceId: occurrence.id,
        originStopId: journey.destinationStopId,
        destinationStopId: journey.originStopId,
      }),
    ).rejects.toThrow('This trip does not go from that stop to that stop.');

    await sellSeats(
      t.db,
      occurrence,
      seats.slice(0, 6).map((seat) => seat.id),
    );
    const [after] = (await api.catalog.searchTrips(search)).items.filter(
      (item) => item.occurrenceId === occurrence.id,
    );
    // 60 % sold: the 50 % step adds 20 % to the segment fare.
    expect(after).toMatchObject({ remaining: 4, price: { amount: 2640, currency: 'EUR' } });
    const tooMany = await api.catalog.searchTrips({ ...search, passengers: 5 });
    expect(tooMany.items.map((item) => item.occurrenceId)).not.toContain(occurrence.id);
  });

  it('only goes forward along the route, and explains a bad date', async () => {
    const api = await t.caller();
    expect(
      (
        await api.catalog.searchTrips({
          origin: 'Oran',
          destination: 'Algiers',
          date,
          passengers: 1,
        })
      ).items,
    ).toEqual([]);
    await expect(
      api.catalog.searchTrips({
        origin: 'Algiers',
        destination: 'Oran',
        date: '30/06/2025',
        passengers: 1,
      }),
    ).rejects.toThrow(/Enter the date as YYYY-MM-DD/);
    // Through HTTP, as the site sees it: a readable message naming the field.
    const formatted = await t.http(
      'catalog.searchTrips',
      { origin: 'Algiers', destination: 'Oran', date: '30/06/2025', passengers: 1 },
      { method: 'GET' },
    );
    expect(formatted.status).toBe(400);
    expect(formatted.body.error?.json.message).toBe(
      'Invalid input: date: Enter the date as YYYY-MM-DD, for example 2025-06-30',
    );
    await expect(
      api.catalog.searchTrips({
        origin: 'Algiers',
        destination: 'Oran',
        date: '2025-02-30',
        passengers: 1,
      }),
    ).rejects.toThrow(/This date does not exist/);
    await expect(
      api.catalog.searchTrips({ origin: 'Algiers', destination: 'Oran', date, passengers: 10 }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('catalog.stops', () => {
  it('suggests cities and stop names, prefix matches first', async () => {
    const api = await t.caller();
    expect((await api.catalog.stops({ q: 'or' })).items).toEqual([
      { value: 'Oran', kind: 'city' },
      { value: 'Oran Gare', kind: 'stop' },
    ]);
    expect((await api.catalog.stops({ q: 'khar' })).items).toEqual([
      { value: 'Algiers Kharouba', kind: 'stop' },
    ]);
    expect((await api.catalog.stops({ q: '%' })).items).toEqual([]);
  });
});
