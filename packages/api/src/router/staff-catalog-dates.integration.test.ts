import { randomUUID } from 'node:crypto';
import { createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at, twoTierTheatre } from '../testing/engine-fixtures';

let t: ApiTest;
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };

beforeAll(async () => {
  t = await setupApiTest();
});
afterAll(() => t.close());

const statusOf = async (occurrenceId: string) =>
  (
    await t.db
      .selectFrom('occurrences')
      .select('status')
      .where('id', '=', occurrenceId)
      .executeTakeFirstOrThrow()
  ).status;

describe('staff.catalog.cancelOccurrence', () => {
  it('cancels a date without bookings, releasing its holds, audited; refuses one with bookings', async () => {
    const { org, occurrence, later, standard } = await twoTierTheatre(t.db);
    const manager = (await createStaffUser(t.db, { org, role: 'manager' })).user;
    const customer = await t.caller(noLimits);
    // A booking on the first date; only a hold on the later one.
    const hold = await customer.holds.create({
      occurrenceId: occurrence.id,
      seatIds: [at(standard, 0).id],
    });
    await customer.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: `key-${randomUUID()}`,
      contact: { name: 'Ines', email: 'ines@example.test' },
    });
    const open = await customer.holds.create({
      occurrenceId: later.id,
      seatIds: [at(standard, 1).id],
    });
    const staff = await t.caller({ userId: manager.id });

    await expect(
      staff.staff.catalog.cancelOccurrence({ occurrenceId: occurrence.id }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This date has 1 live booking: move or cancel it first, then cancel the date.',
    });
    expect(await statusOf(occurrence.id)).toBe('scheduled');

    expect(await staff.staff.catalog.cancelOccurrence({ occurrenceId: later.id })).toEqual({
      releasedHolds: 1,
    });
    expect(await statusOf(later.id)).toBe('cancelled');
    const seat = await t.db
      .selectFrom('occurrenceSeats')
      .select(['status', 'holdId'])
      .where('occurrenceId', '=', later.id)
      .where('seatId', '=', at(standard, 1).id)
      .executeTakeFirstOrThrow();
    expect(seat).toEqual({ status: 'free', holdId: null });
    await expect(
      customer.bookings.checkout({
        holdId: open.holdId,
        idempotencyKey: `key-${randomUUID()}`,
        contact: { name: 'Ines', email: 'ines@example.test' },
      }),
    ).rejects.toMatchObject({ cause: { code: 'HOLD_EXPIRED' } });
    await expect(
      customer.holds.create({ occurrenceId: later.id, seatIds: [at(standard, 2).id] }),
    ).rejects.toMatchObject({ cause: { code: 'SALES_CLOSED' } });
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorLabel'])
      .where('entityId', '=', later.id)
      .execute();
    expect(audit).toEqual([{ action: 'occurrence.cancelled', actorLabel: manager.email }]);
    await expect(
      staff.staff.catalog.cancelOccurrence({ occurrenceId: later.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'This date is already cancelled.' });
  });

  it('refuses roles that may not edit the catalog and other orgs', async () => {
    const { org, later } = await twoTierTheatre(t.db);
    for (const role of ['agent', 'checkin', 'auditor'] as const) {
      const user = (await createStaffUser(t.db, { org, role })).user;
      await expect(
        (await t.caller({ userId: user.id })).staff.catalog.cancelOccurrence({
          occurrenceId: later.id,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const other = await twoTierTheatre(t.db);
    const stranger = (await createStaffUser(t.db, { org: other.org, role: 'owner' })).user;
    await expect(
      (await t.caller({ userId: stranger.id })).staff.catalog.cancelOccurrence({
        occurrenceId: later.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await statusOf(later.id)).toBe('scheduled');
  });
});

describe("staff.catalog.createSeries of one day (the console's one-date form)", () => {
  it('adds one date on a seat map: its seats stocked for sale, a blocked one kept off; audited', async () => {
    const { org, offering, occurrence, standard } = await twoTierTheatre(t.db);
    const seatMapId = occurrence.seatMapId;
    if (!seatMapId) throw new Error('the theatre has no seat map');
    const blocked = at(standard, 3);
    await t.db.updateTable('seats').set({ blocked: true }).where('id', '=', blocked.id).execute();
    const manager = (await createStaffUser(t.db, { org, role: 'manager' })).user;
    const staff = await t.caller({ userId: manager.id });
    const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);

    const created = await staff.staff.catalog.createSeries({
      offeringId: offering.id,
      firstDate: day,
      days: 1,
      localTime: '19:30',
      durationMinutes: 120,
      seatMapId,
    });
    expect(created.created).toBe(1);
    const added = await t.db
      .selectFrom('occurrences')
      .select(['id', 'seatMapId', 'capacity'])
      .where('offeringId', '=', offering.id)
      .where('startsAt', '=', at(created.starts, 0).startsAt)
      .executeTakeFirstOrThrow();
    expect(added).toMatchObject({ seatMapId, capacity: 5 });

    const customer = await t.caller(noLimits);
    const availability = await customer.availability.occurrence({ occurrenceId: added.id });
    const statuses = new Map(availability.seats?.map((seat) => [seat.id, seat.status]));
    expect(statuses.size).toBe(6);
    expect(statuses.get(blocked.id)).toBe('blocked');
    expect([...statuses.values()].filter((status) => status === 'free')).toHaveLength(5);
    await customer.holds.create({ occurrenceId: added.id, seatIds: [at(standard, 0).id] });
    const seat = await t.db
      .selectFrom('occurrenceSeats')
      .select('status')
      .where('occurrenceId', '=', added.id)
      .where('seatId', '=', at(standard, 0).id)
      .executeTakeFirstOrThrow();
    expect(seat.status).toBe('held');

    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'changes'])
      .where('entityId', '=', offering.id)
      .execute();
    expect(audit).toMatchObject([
      { action: 'occurrence.series_created', changes: { seatMapId, occurrenceIds: [added.id] } },
    ]);
  });

  it("refuses another org's seat map as not found and adds nothing", async () => {
    const { org, offering } = await twoTierTheatre(t.db);
    const theirs = await twoTierTheatre(t.db);
    const owner = (await createStaffUser(t.db, { org, role: 'owner' })).user;
    const day = new Date(Date.now() + 41 * 86_400_000).toISOString().slice(0, 10);
    await expect(
      (await t.caller({ userId: owner.id })).staff.catalog.createSeries({
        offeringId: offering.id,
        firstDate: day,
        days: 1,
        localTime: '19:30',
        durationMinutes: 120,
        seatMapId: theirs.occurrence.seatMapId,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'This seat map was not found.' });
    const dates = await t.db
      .selectFrom('occurrences')
      .select('id')
      .where('offeringId', '=', offering.id)
      .execute();
    expect(dates).toHaveLength(2);
  });
});
