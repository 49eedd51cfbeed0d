import {
  createAddOn,
  createOccurrence,
  createOffering,
  createOrg,
  createResource,
  createSeatMap,
  createTicketType,
  createTripStops,
  createVenue,
} from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPriceRule, sellSeats } from '../domain/catalog/testing/inventory';
import { setupApiTest, type ApiTest } from '../testing/api-test';

const DAY = 86_400_000;
let t: ApiTest;
beforeAll(async () => {
  t = await setupApiTest();
});
afterAll(() => t.close());

describe('catalog.offering', () => {
  it('returns an event with venue, policy, active ticket types and add-ons', async () => {
    const org = await createOrg(t.db, { name: 'Opera Co' });
    const venue = await createVenue(t.db, {
      org,
      name: 'Opera',
      addressLine: '1 Place',
      city: 'Oran',
      timeZone: 'Africa/Algiers',
    });
    const offering = await createOffering(t.db, {
      org,
      venue,
      slug: 'aida',
      name: 'Aida',
      cancellationCutoffHours: 48,
    });
    await createTicketType(t.db, {
      offering,
      name: 'Stalls',
      priceAmount: 5000,
      seatCategory: 'stalls',
      sortOrder: 1,
      maxPerOrder: 6,
    });
    await createTicketType(t.db, { offering, name: 'Balcony', priceAmount: 3000, sortOrder: 2 });
    await createTicketType(t.db, { offering, name: 'Retired', active: false });
    await createAddOn(t.db, { offering, name: 'Programme', priceAmount: 800, maxPerOrder: 2 });

    const detail = await (await t.caller()).catalog.offering({ slug: 'aida' });
    expect(detail).toMatchObject({
      id: offering.id,
      kind: 'event',
      org: { slug: org.slug, name: 'Opera Co' },
      venue: { name: 'Opera', addressLine: '1 Place', city: 'Oran', timeZone: 'Africa/Algiers' },
      timeZone: 'Africa/Algiers',
      cancellationPolicy: { cutoffHours: 48 },
      stops: [],
      resources: [],
      slotSettings: null,
    });
    expect(detail.ticketTypes).toEqual([
      expect.objectContaining({
        name: 'Stalls',
        price: { amount: 5000, currency: 'EUR' },
        seatCategory: 'stalls',
        maxPerOrder: 6,
      }),
      expect.objectContaining({
        name: 'Balcony',
        price: { amount: 3000, currency: 'EUR' },
        seatCategory: null,
      }),
    ]);
    expect(detail.addOns).toEqual([
      expect.objectContaining({
        name: 'Programme',
        price: { amount: 800, currency: 'EUR' },
        maxPerOrder: 2,
        perItem: false,
      }),
    ]);
  });

  it('returns a trip route in order and an appointment with resources and slot settings', async () => {
    const org = await createOrg(t.db);
    const trip = await createOffering(t.db, { org, kind: 'trip' });
    await createTripStops(t.db, {
      offering: trip,
      stops: [
        { name: 'Algiers', timeZone: 'Africa/Algiers' },
        {
          name: 'Blida',
          timeZone: 'Africa/Algiers',
          arrivalOffsetMinutes: 50,
          departureOffsetMinutes: 55,
        },
        { name: 'Oran', timeZone: 'Africa/Algiers', arrivalOffsetMinutes: 300 },
      ],
    });
    const tripDetail = await (
      await t.caller()
    ).catalog.offering({ slug: trip.slug, orgSlug: org.slug });
    expect(tripDetail.timeZone).toBe('Africa/Algiers');
    expect(
      tripDetail.stops.map((stop) => [
        stop.name,
        stop.arrivalOffsetMinutes,
        stop.departureOffsetMinutes,
      ]),
    ).toEqual([
      ['Algiers', null, 0],
      ['Blida', 50, 55],
      ['Oran', 300, null],
    ]);

    const { resource } = await createResource(t.db, {
      org,
      kind: 'court',
      name: 'Court 1',
      timeZone: 'Europe/Paris',
    });
    const appointment = await createOffering(t.db, {
      org,
      kind: 'appointment',
      slotMinutes: 45,
      bufferAfterMinutes: 15,
      resources: [resource],
    });
    const detail = await (await t.caller()).catalog.offering({ slug: appointment.slug });
    expect(detail.resources).toEqual([
      { id: resource.id, name: 'Court 1', kind: 'court', timeZone: 'Europe/Paris' },
    ]);
    expect(detail.slotSettings).toEqual({
      slotMinutes: 45,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 15,
      minNoticeMinutes: 0,
      horizonDays: 90,
    });
    expect(detail.cancellationPolicy).toBeNull();
  });

  it('picks the oldest offering when two orgs share a slug, unless the org is named', async () => {
    const first = await createOrg(t.db);
    const second = await createOrg(t.db);
    const older = await createOffering(t.db, { org: first, slug: 'shared-slug' });
    const newer = await createOffering(t.db, { org: second, slug: 'shared-slug' });
    const api = await t.caller();
    expect((await api.catalog.offering({ slug: 'shared-slug' })).id).toBe(older.id);
    expect((await api.catalog.offering({ slug: 'shared-slug', orgSlug: second.slug })).id).toBe(
      newer.id,
    );
  });

  it('hides unpublished and unknown offerings', async () => {
    const org = await createOrg(t.db);
    const draft = await createOffering(t.db, { org, status: 'draft' });
    const api = await t.caller();
    for (const slug of [draft.slug, 'no-such-offering']) {
      await expect(api.catalog.offering({ slug })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'This offering was not found.',
      });
    }
    await expect(api.catalog.offering({ slug: 'Not A Slug' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('catalog.occurrences', () => {
  it('lists future scheduled dates in the default 60-day window with stock and dynamic "from" price', async () => {
    const org = await createOrg(t.db);
    const venue = await createVenue(t.db, { org, timeZone: 'Europe/Paris' });
    const offering = await createOffering(t.db, { org, venue });
    const { seatMap, seats } = await createSeatMap(t.db, {
      org,
      sections: [{ name: 'Hall', rows: 2, seatsPerRow: 5, category: 'standard' }],
    });
    await createTicketType(t.db, { offering, priceAmount: 4000, seatCategory: 'standard' });
    await createTicketType(t.db, { offering, priceAmount: 2000 });
    await addPriceRule(t.db, {
      orgId: org.id,
      offeringId: offering.id,
      kind: 'occupancy',
      threshold: 50,
      adjustmentKind: 'percent_bp',
      adjustmentValue: 1000,
    });
    const soon = await createOccurrence(t.db, {
      offering,
      seatMap,
      startsAt: new Date(Date.now() + 2 * DAY),
    });
    const later = await createOccurrence(t.db, {
      offering,
      seatMap,
      startsAt: new Date(Date.now() + 10 * DAY),
      salesStartAt: new Date(Date.now() + DAY),
    });
    await createOccurrence(t.db, { offering, seatMap, startsAt: new Date(Date.now() - DAY) });
    await createOccurrence(t.db, {
      offering,
      seatMap,
      startsAt: new Date(Date.now() + 3 * DAY),
      status: 'cancelled',
    });
    const far = await createOccurrence(t.db, {
      offering,
      seatMap,
      startsAt: new Date(Date.now() + 90 * DAY),
    });
    await sellSeats(
      t.db,
      soon,
      seats.slice(0, 5).map((seat) => seat.id),
    );

    const api = await t.caller();
    const result = await api.catalog.occurrences({ offeringId: offering.id });
    expect(result.timeZone).toBe('Europe/Paris');
    expect(result.items).toEqual([
      expect.objectContaining({
        id: soon.id,
        status: 'scheduled',
        capacity: 10,
        remaining: 5,
        fromPrice: { amount: 2200, currency: 'EUR' },
        salesOpen: true,
      }),
      expect.objectContaining({
        id: later.id,
        capacity: 10,
        remaining: 10,
        fromPrice: { amount: 2000, currency: 'EUR' },
        salesOpen: false,
      }),
    ]);

    const wide = await api.catalog.occurrences({
      offeringId: offering.id,
      from: new Date(Date.now() + 5 * DAY),
      to: new Date(Date.now() + 100 * DAY),
    });
    expect(wide.items.map((item) => item.id)).toEqual([later.id, far.id]);
  });

  it('refuses windows longer than 366 days and unknown or draft offerings', async () => {
    const org = await createOrg(t.db);
    const draft = await createOffering(t.db, { org, status: 'draft' });
    const api = await t.caller();
    await expect(
      api.catalog.occurrences({
        offeringId: draft.id,
        from: new Date(),
        to: new Date(Date.now() + 400 * DAY),
      }),
    ).rejects.toThrow(/Ask for at most 366 days at a time/);
    await expect(api.catalog.occurrences({ offeringId: draft.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'This offering was not found.',
    });
    await expect(api.catalog.occurrences({ offeringId: org.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
