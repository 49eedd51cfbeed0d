import {
  createOccurrence,
  createOffering,
  createOrg,
  createSeatMap,
  createTicketType,
  createTripStops,
  createVenue,
  letterLabel,
} from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../../testing/api-test';
import { addPriceRule, holdSeats, sellSeats, sellUnits } from '../catalog/testing/inventory';

let t: ApiTest;
beforeAll(async () => {
  t = await setupApiTest();
});
afterAll(() => t.close());

describe('availability.occurrence', () => {
  it('reports seats (expired holds as free), category prices with occupancy steps, and per-type remaining', async () => {
    const org = await createOrg(t.db);
    const venue = await createVenue(t.db, { org, timeZone: 'Europe/Paris' });
    const offering = await createOffering(t.db, { org, venue });
    const { seatMap, seats } = await createSeatMap(t.db, {
      org,
      sections: [
        {
          name: 'Stalls',
          rows: 2,
          seatsPerRow: 5,
          category: (seat) => (seat.rowIndex === 0 ? 'premium' : 'standard'),
          accessible: (seat) => seat.rowIndex === 1 && seat.seatIndex === 0,
          blocked: (seat) => seat.rowIndex === 1 && seat.seatIndex === 4,
        },
      ],
    });
    const premium = await createTicketType(t.db, {
      offering,
      name: 'Premium',
      priceAmount: 5000,
      seatCategory: 'premium',
      sortOrder: 1,
    });
    const standard = await createTicketType(t.db, {
      offering,
      name: 'Standard',
      priceAmount: 3000,
      seatCategory: 'standard',
      sortOrder: 2,
    });
    await createTicketType(t.db, {
      offering,
      name: 'Old',
      seatCategory: 'standard',
      active: false,
    });
    await addPriceRule(t.db, {
      orgId: org.id,
      offeringId: offering.id,
      kind: 'occupancy',
      threshold: 40,
      adjustmentKind: 'amount',
      adjustmentValue: 500,
    });
    const occurrence = await createOccurrence(t.db, { offering, seatMap });
    const byLabel = new Map(seats.map((seat) => [`${seat.rowLabel}${seat.number}`, seat.id]));
    const ids = (...labels: string[]) => labels.map((label) => byLabel.get(label) ?? '');

    const api = await t.caller();
    const before = await api.availability.occurrence({ occurrenceId: occurrence.id });
    expect(before).toMatchObject({
      capacity: 9,
      remaining: 9,
      timeZone: 'Europe/Paris',
      currency: 'EUR',
      status: 'scheduled',
    });
    expect(before.ticketTypes).toEqual([
      {
        id: premium.id,
        name: 'Premium',
        price: 5000,
        currency: 'EUR',
        seatCategory: 'premium',
        remaining: 5,
      },
      {
        id: standard.id,
        name: 'Standard',
        price: 3000,
        currency: 'EUR',
        seatCategory: 'standard',
        remaining: 4,
      },
    ]);

    await sellSeats(t.db, occurrence, ids('A1', 'A2'));
    await holdSeats(t.db, occurrence, ids('A3', 'B2'), new Date(Date.now() + 600_000));
    await holdSeats(t.db, occurrence, ids('B3'), new Date(Date.now() - 1_000));
    const after = await api.availability.occurrence({ occurrenceId: occurrence.id });
    // 4 of 9 taken (44 %): the 40 % step adds 5.00 to every type.
    expect(after).toMatchObject({ capacity: 9, remaining: 5 });
    expect(after.ticketTypes.map((type) => [type.name, type.price, type.remaining])).toEqual([
      ['Premium', 5500, 2],
      ['Standard', 3500, 3], // B1, B3 (hold expired), B4; B5 is blocked
    ]);
    const seatsByLabel = new Map(after.seats?.map((seat) => [seat.label, seat]));
    expect(seatsByLabel.get('A1')).toMatchObject({
      status: 'sold',
      section: 'Stalls',
      row: 'A',
      number: '1',
      category: 'premium',
      price: 5500,
    });
    expect(seatsByLabel.get('A3')?.status).toBe('held');
    expect(seatsByLabel.get('B3')?.status).toBe('free');
    expect(seatsByLabel.get('B1')).toMatchObject({ status: 'free', accessible: true, price: 3500 });
    expect(seatsByLabel.get('B5')).toMatchObject({ status: 'blocked', category: 'standard' });
  });

  it('gives general-admission types their unit stock and fares without stock the seats left', async () => {
    const org = await createOrg(t.db);
    const concert = await createOffering(t.db, { org });
    const early = await createTicketType(t.db, {
      offering: concert,
      name: 'Early',
      priceAmount: 2000,
      quotaPerOccurrence: 20,
    });
    const door = await createTicketType(t.db, {
      offering: concert,
      name: 'Door',
      priceAmount: 3000,
      quotaPerOccurrence: 30,
    });
    const gig = await createOccurrence(t.db, { offering: concert, capacity: 50 });
    await sellUnits(t.db, gig, early.id, 5);
    const result = await (await t.caller()).availability.occurrence({ occurrenceId: gig.id });
    expect(result).toMatchObject({ capacity: 50, remaining: 45 });
    expect(result.seats).toBeUndefined();
    expect(result.ticketTypes.map((type) => [type.id, type.remaining])).toEqual([
      [early.id, 15],
      [door.id, 30],
    ]);

    const trip = await createOffering(t.db, { org, kind: 'trip' });
    await createTripStops(t.db, {
      offering: trip,
      stops: [
        { name: 'Algiers', timeZone: 'Africa/Algiers' },
        { name: 'Oran', timeZone: 'Africa/Algiers', arrivalOffsetMinutes: 300 },
      ],
    });
    const { seatMap, seats } = await createSeatMap(t.db, {
      org,
      sections: [{ name: 'Coach', rows: 3, seatsPerRow: 4, category: 'standard' }],
    });
    await createTicketType(t.db, { offering: trip, name: 'Adult', priceAmount: 3000 });
    const departure = await createOccurrence(t.db, { offering: trip, seatMap });
    await sellSeats(
      t.db,
      departure,
      seats.slice(0, 2).map((seat) => seat.id),
    );
    const coach = await (await t.caller()).availability.occurrence({ occurrenceId: departure.id });
    expect(coach.timeZone).toBe('Africa/Algiers');
    expect(coach.ticketTypes).toEqual([expect.objectContaining({ name: 'Adult', remaining: 10 })]);
    // No fare is tied to the seats' category: they sell at the default fare, as a hold prices them.
    expect(coach.seats?.every((seat) => seat.price === 3000)).toBe(true);
  });

  it('serves a 2,000-seat map in one answer of the right shape', async () => {
    const org = await createOrg(t.db);
    const offering = await createOffering(t.db, { org });
    const { seatMap } = await createSeatMap(t.db, {
      org,
      sections: [
        { name: 'Floor', rows: 40, seatsPerRow: 30, category: 'floor', rowLabel: letterLabel },
        { name: 'Balcony', rows: 20, seatsPerRow: 40, category: 'balcony' },
      ],
    });
    await createTicketType(t.db, {
      offering,
      name: 'Floor',
      priceAmount: 4000,
      seatCategory: 'floor',
    });
    const occurrence = await createOccurrence(t.db, { offering, seatMap });
    const result = await (
      await t.caller()
    ).availability.occurrence({ occurrenceId: occurrence.id });
    expect(result.capacity).toBe(2000);
    expect(result.seats).toHaveLength(2000);
    expect(new Set(result.seats?.map((seat) => seat.id)).size).toBe(2000);
    expect(result.seats?.filter((seat) => seat.price === 4000)).toHaveLength(1200);
    expect(
      result.seats?.filter((seat) => seat.category === 'balcony' && seat.price === null),
    ).toHaveLength(800);
    expect(Object.keys(result.seats?.[0] ?? {}).sort()).toEqual([
      'accessible',
      'category',
      'id',
      'label',
      'number',
      'price',
      'row',
      'section',
      'status',
      'x',
      'y',
    ]);
  });

  it('shows an edit of the seat map at once, though layouts are cached', async () => {
    const org = await createOrg(t.db);
    const offering = await createOffering(t.db, { org });
    const { seatMap, seats } = await createSeatMap(t.db, {
      org,
      sections: [{ name: 'Stalls', rows: 1, seatsPerRow: 3, category: 'standard' }],
    });
    const occurrence = await createOccurrence(t.db, { offering, seatMap });
    const api = await t.caller();
    const read = async () =>
      (await api.availability.occurrence({ occurrenceId: occurrence.id })).seats ?? [];
    expect((await read()).map((seat) => seat.category)).toEqual([
      'standard',
      'standard',
      'standard',
    ]);

    const first = seats[0]?.id ?? '';
    await t.db
      .updateTable('seats')
      .set({ category: 'premium', accessible: true })
      .where('id', '=', first)
      .execute();
    expect((await read()).find((seat) => seat.id === first)).toMatchObject({
      category: 'premium',
      accessible: true,
    });

    // A seat added to the map and stocked on this date appears; the others keep their status.
    await sellSeats(t.db, occurrence, [first]);
    const added = await t.db
      .insertInto('seats')
      .values({
        orgId: org.id,
        seatMapId: seatMap.id,
        section: 'Stalls',
        rowLabel: 'A',
        number: '4',
        x: 400,
        y: 0,
        category: 'standard',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('occurrenceSeats')
      .values({ orgId: org.id, occurrenceId: occurrence.id, seatId: added.id })
      .execute();
    const after = await read();
    expect(after).toHaveLength(4);
    expect(after.find((seat) => seat.id === added.id)?.status).toBe('free');
    expect(after.find((seat) => seat.id === first)?.status).toBe('sold');
  });

  it('hides dates of unpublished offerings and unknown dates', async () => {
    const org = await createOrg(t.db);
    const draft = await createOffering(t.db, { org, status: 'draft' });
    const hidden = await createOccurrence(t.db, { offering: draft });
    const api = await t.caller();
    for (const occurrenceId of [hidden.id, '00000000-0000-4000-8000-000000000000']) {
      await expect(api.availability.occurrence({ occurrenceId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'This date was not found.',
      });
    }
    await expect(api.availability.occurrence({ occurrenceId: 'nope' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
