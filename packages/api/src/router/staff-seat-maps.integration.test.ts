import { randomUUID } from 'node:crypto';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createStaffUser,
  createTicketType,
  createVenue,
  type OrgRow,
} from '@tessera/db/seed';
import { testEnv } from '@tessera/db/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVENTORY_CHANNEL, InventoryMessage } from '../domain/events/inventory';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at } from '../testing/engine-fixtures';

let t: ApiTest;
let org: OrgRow;
let staff: Record<'owner' | 'manager' | 'agent' | 'checkin' | 'auditor', string>;
let otherManager: string;
const subscriber = new Redis(testEnv.TEST_REDIS_URL);
const announced: string[] = [];
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };
const contact = { name: 'Amel Haddad', email: 'amel@example.test' };

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 16 });
  org = await createOrg(t.db);
  const role = async (name: keyof typeof staff) =>
    (await createStaffUser(t.db, { org, role: name })).user.id;
  staff = {
    owner: await role('owner'),
    manager: await role('manager'),
    agent: await role('agent'),
    checkin: await role('checkin'),
    auditor: await role('auditor'),
  };
  otherManager = (await createStaffUser(t.db, { org: await createOrg(t.db), role: 'manager' })).user
    .id;
});
beforeAll(async () => {
  await subscriber.subscribe(INVENTORY_CHANNEL);
  subscriber.on('message', (_channel, text: string) => {
    const { occurrenceId } = InventoryMessage.parse(JSON.parse(text));
    if (occurrenceId) announced.push(occurrenceId);
  });
});
afterAll(async () => {
  await subscriber.quit();
  await t.close();
});

const as = (userId: string) => t.caller({ userId });
const section = (seatMapId: string, name: string, extra: Record<string, unknown> = {}) => ({
  seatMapId,
  name,
  rows: 3,
  seatsPerRow: 4,
  category: 'standard',
  ...extra,
});

/** A map with two sections (Stalls 3x4 straight, Circle 2x5 curved), as a manager builds it. */
async function builtMap(name = `Hall ${randomUUID().slice(0, 8)}`) {
  const manager = await as(staff.manager);
  const { id } = await manager.staff.seatMaps.create({ name });
  await manager.staff.seatMaps.addSection(
    section(id, 'Stalls', { rowCategories: [{ fromRow: 1, toRow: 1, category: 'premium' }] }),
  );
  await manager.staff.seatMaps.addSection(
    section(id, 'Circle', { rows: 2, seatsPerRow: 5, shape: 'curved', arcDegrees: 90 }),
  );
  return manager.staff.seatMaps.get({ seatMapId: id });
}

/** An event on the map: one date to come and one past, free seats (checkout confirms at once). */
async function eventOn(seatMapId: string) {
  const offering = await createOffering(t.db, { org, maxPerOrder: 10 });
  for (const category of ['standard', 'premium'])
    await createTicketType(t.db, {
      offering,
      name: category,
      seatCategory: category,
      priceAmount: 0,
    });
  const upcoming = await createOccurrence(t.db, { offering, seatMap: { id: seatMapId } });
  const past = await createOccurrence(t.db, {
    offering,
    seatMap: { id: seatMapId },
    startsAt: new Date(Date.now() - 7 * 86_400_000),
  });
  return { upcoming, past };
}

async function statuses(occurrenceId: string) {
  const rows = await t.db
    .selectFrom('occurrenceSeats')
    .select(['seatId', 'status'])
    .where('occurrenceId', '=', occurrenceId)
    .execute();
  return new Map(rows.map((row) => [row.seatId, row.status]));
}

const capacityOf = async (occurrenceId: string) =>
  (
    await t.db
      .selectFrom('occurrences')
      .select('capacity')
      .where('id', '=', occurrenceId)
      .executeTakeFirstOrThrow()
  ).capacity;

async function sell(occurrenceId: string, seatIds: string[]) {
  const api = await t.caller(noLimits);
  const hold = await api.holds.create({ occurrenceId, seatIds });
  return api.bookings.checkout({ holdId: hold.holdId, idempotencyKey: randomUUID(), contact });
}

describe('staff.seatMaps', () => {
  it('generates sections with categories per row range and curved rows, audited', async () => {
    const map = await builtMap();
    expect(map.sections).toEqual([
      { name: 'Circle', rows: 2, seats: 10, categories: ['standard'], sold: 0, held: 0 },
      { name: 'Stalls', rows: 3, seats: 12, categories: ['premium', 'standard'], sold: 0, held: 0 },
    ]);
    const stalls = map.seats.filter((seat) => seat.section === 'Stalls');
    expect(stalls.filter((seat) => seat.category === 'premium').map((seat) => seat.row)).toEqual([
      'A',
      'A',
      'A',
      'A',
    ]);
    // The Circle lies below the Stalls, its front row bending up at the ends.
    const circle = map.seats.filter((seat) => seat.section === 'Circle' && seat.row === 'A');
    expect(Math.min(...circle.map((seat) => seat.y))).toBeGreaterThan(
      Math.max(...stalls.map((seat) => seat.y)),
    );
    expect(at(circle, 0).y).toBeLessThan(at(circle, 2).y);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'orgId'])
      .where('entityId', '=', map.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual(
      ['seat_map.created', 'seat_map.section_added', 'seat_map.section_added'].map((action) => ({
        action,
        orgId: org.id,
      })),
    );
    const list = await (await as(staff.auditor)).staff.seatMaps.list();
    expect(list.find((entry) => entry.id === map.id)).toMatchObject({
      seats: 22,
      sections: 2,
      occurrences: 0,
    });
  });

  it('refuses a second section of the same name and bad sizes, changing nothing', async () => {
    const map = await builtMap();
    await expect(
      (await as(staff.manager)).staff.seatMaps.addSection(section(map.id, 'Stalls')),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This map already has a section named "Stalls".',
    });
    const { status, body } = await t.http(
      'staff.seatMaps.addSection',
      section(map.id, 'Boxes', { rows: 0, category: 'Not A Slug' }),
      { userId: staff.manager },
    );
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toMatchObject({
      rows: ['At least 1 row'],
      category: ['Use lower-case letters, digits and single hyphens'],
    });
    const after = await (await as(staff.manager)).staff.seatMaps.get({ seatMapId: map.id });
    expect(after.seats).toHaveLength(22);
  });

  it('carries changes to the dates to come, never to past ones, and keeps sold seats sold', async () => {
    const map = await builtMap();
    const { upcoming, past } = await eventOn(map.id);
    const stalls = map.seats.filter((seat) => seat.section === 'Stalls');
    const [sold, toBlock, accessible] = [at(stalls, 0), at(stalls, 1), at(stalls, 2)];
    await sell(upcoming.id, [sold.id]);
    expect(await capacityOf(upcoming.id)).toBe(22);
    const manager = await as(staff.manager);

    // Blocking a free and a sold seat: the free one leaves sale, the sold one stays sold.
    expect(
      await manager.staff.seatMaps.editSeats({
        seatMapId: map.id,
        seatIds: [sold.id, toBlock.id],
        blocked: true,
      }),
    ).toEqual({ seats: 2, occurrencesUpdated: 1 });
    let now = await statuses(upcoming.id);
    expect([now.get(sold.id), now.get(toBlock.id)]).toEqual(['sold', 'blocked']);
    expect((await statuses(past.id)).get(toBlock.id)).toBe('free');
    expect(await capacityOf(upcoming.id)).toBe(21);

    await manager.staff.seatMaps.editSeats({
      seatMapId: map.id,
      seatIds: [accessible.id],
      accessible: true,
      category: 'premium',
    });
    // Unblocking puts the seat back on sale.
    await manager.staff.seatMaps.editSeats({
      seatMapId: map.id,
      seatIds: [toBlock.id],
      blocked: false,
    });
    now = await statuses(upcoming.id);
    expect(now.get(toBlock.id)).toBe('free');
    expect(await capacityOf(upcoming.id)).toBe(22);

    const seen = await (await as(staff.auditor)).staff.seatMaps.get({ seatMapId: map.id });
    const byId = new Map(seen.seats.map((seat) => [seat.id, seat]));
    expect(byId.get(sold.id)).toMatchObject({ status: 'sold', blocked: true });
    expect(byId.get(accessible.id)).toMatchObject({
      accessible: true,
      category: 'premium',
      status: 'free',
    });
    expect(seen.sections.find((entry) => entry.name === 'Stalls')).toMatchObject({ sold: 1 });

    // A new section goes on sale on the date to come only.
    await manager.staff.seatMaps.addSection(section(map.id, 'Boxes', { rows: 1, seatsPerRow: 2 }));
    expect((await statuses(upcoming.id)).size).toBe(24);
    expect((await statuses(past.id)).size).toBe(22);
    expect(await capacityOf(upcoming.id)).toBe(24);

    // A section nobody bought in goes, from past dates too; one with a sale stays, whole.
    expect(
      await manager.staff.seatMaps.removeSection({ seatMapId: map.id, section: 'Circle' }),
    ).toEqual({ seats: 10, occurrencesUpdated: 1 });
    expect((await statuses(upcoming.id)).size).toBe(14);
    expect((await statuses(past.id)).size).toBe(12);
    await expect(
      manager.staff.seatMaps.removeSection({ seatMapId: map.id, section: 'Stalls' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'The section "Stalls" cannot be removed: 1 seat is sold and 0 seats are held on its dates. ' +
        'Block seats instead, or move or cancel those bookings first.',
    });
    expect((await statuses(upcoming.id)).get(sold.id)).toBe('sold');
    const remaining = await manager.staff.seatMaps.get({ seatMapId: map.id });
    expect(remaining.sections.map((entry) => entry.name)).toEqual(['Boxes', 'Stalls']);
    await expect(manager.staff.seatMaps.delete({ seatMapId: map.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This seat map is used by 2 dates and cannot be deleted.',
    });
  });

  it("tells the screens showing the map's dates to come, after the change commits", async () => {
    const map = await builtMap();
    const { upcoming, past } = await eventOn(map.id);
    expect(announced).not.toContain(upcoming.id);
    await (
      await as(staff.manager)
    ).staff.seatMaps.editSeats({
      seatMapId: map.id,
      seatIds: [at(map.seats, 0).id],
      category: 'premium',
    });
    await vi.waitFor(() => expect(announced).toContain(upcoming.id), { timeout: 2_000 });
    expect(announced).not.toContain(past.id);
  });

  it('refuses to remove a section with a live hold, and names the held seats', async () => {
    const map = await builtMap();
    const { upcoming } = await eventOn(map.id);
    const circle = map.seats.filter((seat) => seat.section === 'Circle');
    await (
      await t.caller(noLimits)
    ).holds.create({
      occurrenceId: upcoming.id,
      seatIds: [at(circle, 0).id, at(circle, 1).id],
    });
    const { status, body } = await t.http(
      'staff.seatMaps.removeSection',
      { seatMapId: map.id, section: 'Circle' },
      { userId: staff.owner },
    );
    expect(status).toBe(409);
    expect(body.error?.json.message).toContain('0 seats are sold and 2 seats are held');
    expect((await statuses(upcoming.id)).size).toBe(22);
  });

  it('never loses a seat to a removal racing customers holding seats of the section', async () => {
    const map = await builtMap();
    const { upcoming } = await eventOn(map.id);
    const circle = map.seats.filter((seat) => seat.section === 'Circle');
    const holds = circle.map(async (seat) =>
      (await t.caller(noLimits)).holds.create({ occurrenceId: upcoming.id, seatIds: [seat.id] }),
    );
    const removal = (async () =>
      (await as(staff.manager)).staff.seatMaps.removeSection({
        seatMapId: map.id,
        section: 'Circle',
      }))();
    const [removed, ...held] = await Promise.allSettled([removal, ...holds]);
    const won = held.filter((result) => result.status === 'fulfilled').length;
    const rows = await t.db
      .selectFrom('occurrenceSeats')
      .select('status')
      .where(
        'seatId',
        'in',
        circle.map((seat) => seat.id),
      )
      .where('occurrenceId', '=', upcoming.id)
      .execute();
    if (removed.status === 'fulfilled') {
      // The removal went first: every hold lost its seat, and none is left half there.
      expect(won).toBe(0);
      expect(rows).toEqual([]);
    } else {
      expect(removed.reason).toMatchObject({ code: 'CONFLICT' });
      expect(rows.filter((row) => row.status === 'held')).toHaveLength(won);
      expect(rows).toHaveLength(circle.length);
    }
    // A customer who lost the race is told the seat is gone, not that something broke.
    for (const result of held)
      if (result.status === 'rejected')
        expect(result.reason).not.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('deletes a map no date uses', async () => {
    const map = await builtMap();
    const manager = await as(staff.manager);
    await manager.staff.seatMaps.rename({ seatMapId: map.id, name: 'Renamed hall' });
    await manager.staff.seatMaps.delete({ seatMapId: map.id });
    await expect(manager.staff.seatMaps.get({ seatMapId: map.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await t.db.selectFrom('seats').where('seatMapId', '=', map.id).execute()).toEqual([]);
  });

  it("refuses another org's maps and seats, changing nothing", async () => {
    const map = await builtMap();
    const seatIds = [at(map.seats, 0).id];
    const other = await as(otherManager);
    const calls = [
      () => other.staff.seatMaps.get({ seatMapId: map.id }),
      () => other.staff.seatMaps.rename({ seatMapId: map.id, name: 'Mine now' }),
      () => other.staff.seatMaps.addSection(section(map.id, 'Annex')),
      () => other.staff.seatMaps.removeSection({ seatMapId: map.id, section: 'Stalls' }),
      () => other.staff.seatMaps.editSeats({ seatMapId: map.id, seatIds, blocked: true }),
      () => other.staff.seatMaps.delete({ seatMapId: map.id }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await other.staff.seatMaps.list()).map((entry) => entry.id)).not.toContain(map.id);
    // Their own map, with our seats: refused as a whole.
    const { id: theirs } = await other.staff.seatMaps.create({ name: 'Theirs' });
    await other.staff.seatMaps.addSection(section(theirs, 'Stalls'));
    await expect(
      other.staff.seatMaps.editSeats({ seatMapId: theirs, seatIds, blocked: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const ourVenue = await createVenue(t.db, { org });
    await expect(
      other.staff.seatMaps.create({ name: 'At their venue', venueId: ourVenue.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const after = await (await as(staff.manager)).staff.seatMaps.get({ seatMapId: map.id });
    expect(after).toEqual(map);
  });

  it('refuses every change to roles that may not edit the catalog; they still read', async () => {
    const map = await builtMap();
    const seatIds = [at(map.seats, 0).id];
    for (const role of ['agent', 'checkin', 'auditor'] as const) {
      const caller = await as(staff[role]);
      const calls = [
        () => caller.staff.seatMaps.create({ name: 'Nope' }),
        () => caller.staff.seatMaps.rename({ seatMapId: map.id, name: 'Nope' }),
        () => caller.staff.seatMaps.addSection(section(map.id, 'Annex')),
        () => caller.staff.seatMaps.removeSection({ seatMapId: map.id, section: 'Stalls' }),
        () => caller.staff.seatMaps.editSeats({ seatMapId: map.id, seatIds, blocked: true }),
        () => caller.staff.seatMaps.delete({ seatMapId: map.id }),
      ];
      for (const call of calls) await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect((await caller.staff.seatMaps.get({ seatMapId: map.id })).seats).toHaveLength(22);
    }
    await expect((await t.caller()).staff.seatMaps.list()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await (await as(staff.manager)).staff.seatMaps.get({ seatMapId: map.id })).toEqual(map);
  });
});
