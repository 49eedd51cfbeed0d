import {
  createAddOn,
  createOccurrence,
  createOffering,
  createOrg,
  createTicketType,
} from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../../testing/api-test';
import { at, seatedOccurrence } from '../../testing/engine-fixtures';

// holds.create builds its answer in memory and holds.release is one statement: these pin both
// to what holdView reads back and to the transactional release they replaced.
let t: ApiTest;
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };

beforeAll(async () => {
  t = await setupApiTest();
});
afterAll(() => t.close());

async function twoTypes(options: { occupancyRule?: boolean } = {}) {
  const org = await createOrg(t.db);
  const offering = await createOffering(t.db, { org, maxPerOrder: 10 });
  const adult = await createTicketType(t.db, {
    offering,
    name: 'Adult',
    priceAmount: 2000,
    quotaPerOccurrence: 4,
    maxPerOrder: 10,
  });
  const child = await createTicketType(t.db, {
    offering,
    name: 'Child',
    priceAmount: 1000,
    quotaPerOccurrence: 4,
    maxPerOrder: 10,
  });
  const occurrence = await createOccurrence(t.db, { offering, capacity: 8 });
  if (options.occupancyRule) {
    await t.db
      .insertInto('priceRules')
      .values({
        orgId: org.id,
        offeringId: offering.id,
        kind: 'occupancy',
        threshold: 50,
        adjustmentKind: 'percent_bp',
        adjustmentValue: 1000,
        priority: 0,
      })
      .execute();
  }
  return { offering, adult, child, occurrence };
}

describe('the answer of holds.create', () => {
  it('equals holds.get for seats given out of order, with an extra', async () => {
    const { offering, occurrence, seats } = await seatedOccurrence(t.db, {
      rows: 2,
      seatsPerRow: 3,
    });
    const addOn = await createAddOn(t.db, {
      offering,
      name: 'Programme',
      priceAmount: 500,
      stock: null,
      maxPerOrder: 2,
    });
    const api = await t.caller(noLimits);
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      seatIds: [at(seats, 4).id, at(seats, 0).id, at(seats, 2).id],
      addOns: [{ addOnId: addOn.id, quantity: 2 }],
    });
    expect(hold.items.map((item) => item.description)).toEqual([
      'Programme',
      'Stalls, Row A, Seat 1 (Standard)',
      'Stalls, Row A, Seat 3 (Standard)',
      'Stalls, Row B, Seat 2 (Standard)',
    ]);
    expect(hold.total.amount).toBe(3 * 4500 + 2 * 500);
    expect(await api.holds.get({ holdId: hold.holdId })).toEqual(hold);
  });

  it('equals holds.get for two ticket types and an extra', async () => {
    const { offering, adult, child, occurrence } = await twoTypes();
    const addOn = await createAddOn(t.db, {
      offering,
      name: 'Parking',
      priceAmount: 800,
      stock: 5,
      maxPerOrder: 2,
    });
    const api = await t.caller(noLimits);
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      tickets: [
        { ticketTypeId: child.id, quantity: 1 },
        { ticketTypeId: adult.id, quantity: 2 },
      ],
      addOns: [{ addOnId: addOn.id, quantity: 1 }],
    });
    expect(hold.items.map((item) => [item.description, item.quantity])).toEqual([
      ['Parking', 1],
      ['Child', 1],
      ['Adult', 2],
    ]);
    expect(hold.total).toEqual({ amount: 1000 + 2 * 2000 + 800, currency: hold.total.currency });
    expect(await api.holds.get({ holdId: hold.holdId })).toEqual(hold);
  });

  it('prices on occupancy when the offering has an occupancy rule', async () => {
    const { adult, child, occurrence } = await twoTypes({ occupancyRule: true });
    const api = await t.caller(noLimits);
    const first = await api.holds.create({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: adult.id, quantity: 4 }],
    });
    expect(first.total.amount).toBe(4 * 2000);
    // 4 of 8 units held: the +10 % step at 50 % applies.
    const second = await api.holds.create({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: child.id, quantity: 1 }],
    });
    expect(second.total.amount).toBe(1100);
  });
});

describe('holds.release', () => {
  it('frees the seats, records the event once, and a second release changes nothing', async () => {
    const { occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 3 });
    const api = await t.caller(noLimits);
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      seatIds: [at(seats, 0).id, at(seats, 1).id],
    });
    await api.holds.release({ holdId: hold.holdId });
    await api.holds.release({ holdId: hold.holdId });
    expect((await api.holds.get({ holdId: hold.holdId })).status).toBe('released');
    const held = await t.db
      .selectFrom('occurrenceSeats')
      .select('seatId')
      .where('holdId', '=', hold.holdId)
      .execute();
    expect(held).toEqual([]);
    const outbox = await t.db
      .selectFrom('outbox')
      .select(['eventType', 'payload', 'aggregateType'])
      .where('aggregateId', '=', hold.holdId)
      .execute();
    expect(outbox).toEqual([
      {
        eventType: 'inventory.released',
        aggregateType: 'hold',
        payload: { holdId: hold.holdId, occurrenceId: occurrence.id },
      },
    ]);
    const ended = await t.db
      .selectFrom('holds')
      .select('endedAt')
      .where('id', '=', hold.holdId)
      .executeTakeFirstOrThrow();
    expect(ended.endedAt).toBeInstanceOf(Date);
  });

  it('refuses an unknown hold and a hold already booked', async () => {
    const { occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 2 });
    const api = await t.caller(noLimits);
    await expect(
      api.holds.release({ holdId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({
      cause: { code: 'NOT_FOUND' },
      message: 'This hold was not found.',
    });
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      seatIds: [at(seats, 0).id],
    });
    await t.db
      .updateTable('holds')
      .set({ status: 'converted', endedAt: new Date() })
      .where('id', '=', hold.holdId)
      .execute();
    await expect(api.holds.release({ holdId: hold.holdId })).rejects.toMatchObject({
      cause: { code: 'CONFLICT' },
      message: 'This hold has already been booked.',
    });
    const still = await t.db
      .selectFrom('occurrenceSeats')
      .select('status')
      .where('holdId', '=', hold.holdId)
      .execute();
    expect(still).toEqual([{ status: 'held' }]);
  });
});
