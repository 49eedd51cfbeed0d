import { createDb, type Db } from '@tessera/db';
import {
  createOffering,
  createOrg,
  createResource,
  daysFromNowAt,
  weeklyHours,
  type OfferingRow,
  type OrgRow,
} from '@tessera/db/seed';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimSlot, releaseSlotsOfHold, sellSlotsOfHold } from './slots';

const ZONE = 'Europe/Paris';
const OPEN_DAILY = weeklyHours({ 'mon-sun': ['08:00', '20:00'] });

let database: TestDatabase;
let db: Db;
let org: OrgRow;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  org = await createOrg(db, { timeZone: ZONE });
});
afterAll(() => database.drop());

/** A local wall time three days from now, in the resources' zone. */
const at = (time: string) => daysFromNowAt(new Date(), 3, time, ZONE);

async function court(name: string) {
  return (await createResource(db, { org, kind: 'court', name, timeZone: ZONE, hours: OPEN_DAILY }))
    .resource;
}

/** Inserts a hold, then claims: one transaction, like the hold code does it. */
function claimInOwnTransaction(
  pool: Db,
  offering: Pick<OfferingRow, 'id'>,
  start: Date,
  options: { resourceId?: string; heldUntil?: Date } = {},
) {
  const heldUntil = options.heldUntil ?? new Date(Date.now() + 15 * 60_000);
  return pool.transaction().execute(async (tx) => {
    const hold = await tx
      .insertInto('holds')
      .values({
        orgId: org.id,
        offeringId: offering.id,
        clientKey: 'slots-test',
        expiresAt: heldUntil,
        currency: 'EUR',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const slot = await claimSlot(tx, {
      orgId: org.id,
      offeringId: offering.id,
      resourceId: options.resourceId,
      start,
      holdId: hold.id,
      heldUntil,
      now: new Date(),
    });
    return { holdId: hold.id, ...slot };
  });
}

async function liveRows(resourceId: string) {
  return db
    .selectFrom('slotReservations')
    .select(['startsAt', 'endsAt', 'holdId', 'bookingId', 'heldUntil'])
    .where('resourceId', '=', resourceId)
    .where('releasedAt', 'is', null)
    .orderBy('startsAt')
    .execute();
}

describe('claimSlot', () => {
  it('lets exactly one of 100 parallel buyers take a slot', async () => {
    const resource = await court('Race court');
    const offering = await createOffering(db, {
      org,
      kind: 'appointment',
      slotMinutes: 60,
      resources: [resource],
    });
    const start = at('10:00');
    // 100 transactions on up to 32 connections at once: the server allows 100 connections
    // and other test files share it, so one connection per racer would fail on its own.
    const racers = createDb(database.url, { max: 32 });
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, () => claimInOwnTransaction(racers, offering, start)),
      );
      const winners = results.filter((result) => result.status === 'fulfilled');
      const losers = results.flatMap((result) =>
        result.status === 'rejected' ? [result.reason as unknown] : [],
      );
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(99);
      for (const error of losers) {
        expect(error).toMatchObject({
          code: 'SLOT_TAKEN',
          message: 'That time was just taken. Please choose another.',
        });
      }
    } finally {
      await racers.destroy();
    }
    expect(await liveRows(resource.id)).toEqual([
      expect.objectContaining({ startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) }),
    ]);
  });

  it('refuses overlapping slots of different lengths on one resource', async () => {
    const resource = await court('Shared court');
    const hour = await createOffering(db, {
      org,
      kind: 'appointment',
      slotMinutes: 60,
      resources: [resource],
    });
    const longer = await createOffering(db, {
      org,
      kind: 'appointment',
      slotMinutes: 90,
      resources: [resource],
    });
    await claimInOwnTransaction(db, longer, at('09:30')); // 09:30-11:00
    await expect(claimInOwnTransaction(db, hour, at('09:00'))).rejects.toMatchObject({
      code: 'SLOT_TAKEN',
    });
    await expect(claimInOwnTransaction(db, hour, at('10:00'))).rejects.toMatchObject({
      code: 'SLOT_TAKEN',
    });
    await expect(claimInOwnTransaction(db, hour, at('11:00'))).resolves.toMatchObject({
      resourceId: resource.id,
    });
    expect(await liveRows(resource.id)).toHaveLength(2);
  });

  it('keeps the buffers free: an adjacent slot that would touch them is refused', async () => {
    const resource = await court('Buffered court');
    const buffered = await createOffering(db, {
      org,
      kind: 'appointment',
      slotMinutes: 60,
      bufferAfterMinutes: 30,
      resources: [resource],
    });
    const plain = await createOffering(db, {
      org,
      kind: 'appointment',
      slotMinutes: 60,
      resources: [resource],
    });
    const claimed = await claimInOwnTransaction(db, buffered, at('08:00'));
    expect(claimed.endsAt).toEqual(at('09:00'));
    // 09:00-10:00 misses the slot itself but not its 30-minute buffer.
    await expect(claimInOwnTransaction(db, plain, at('09:00'))).rejects.toMatchObject({
      code: 'SLOT_TAKEN',
    });
    await expect(claimInOwnTransaction(db, plain, at('10:00'))).resolves.toMatchObject({
      resourceId: resource.id,
    });
  });

  it('reclaims a slot whose hold expired, with no worker running', async () => {
    const resource = await court('Expired court');
    const offering = await createOffering(db, {
      org,
      kind: 'appointment',
      slotMinutes: 60,
      resources: [resource],
    });
    const expired = await db
      .insertInto('holds')
      .values({
        orgId: org.id,
        offeringId: offering.id,
        clientKey: 'gone',
        expiresAt: new Date(Date.now() - 60_000),
        currency: 'EUR',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const start = at('14:00');
    const end = at('15:00');
    await sql`
      INSERT INTO slot_reservations (org_id, resource_id, offering_id, hold_id, starts_at, ends_at, period, held_until)
      VALUES (${org.id}, ${resource.id}, ${offering.id}, ${expired.id}, ${start}, ${end},
              tstzrange(${start}, ${end}), now() - interval '1 minute')
    `.execute(db);

    const claimed = await claimInOwnTransaction(db, offering, start);
    const rows = await db
      .selectFrom('slotReservations')
      .select(['holdId', 'releasedAt'])
      .where('resourceId', '=', resource.id)
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.holdId === expired.id)?.releasedAt).toBeInstanceOf(Date);
    expect(rows.find((row) => row.holdId === claimed.holdId)?.releasedAt).toBeNull();
    // A live hold is not reclaimable.
    await expect(claimInOwnTransaction(db, offering, start)).rejects.toMatchObject({
      code: 'SLOT_TAKEN',
    });
  });

  it('falls through to the next court when "any resource" finds the first taken', async () => {
    const first = await court('Court 1');
    const second = await court('Court 2');
    const offering = await createOffering(db, {
      org,
      kind: 'appointment',
      slotMinutes: 60,
      resources: [first, second],
    });
    const start = at('12:00');
    await expect(claimInOwnTransaction(db, offering, start)).resolves.toMatchObject({
      resourceId: first.id,
    });
    await expect(claimInOwnTransaction(db, offering, start)).resolves.toMatchObject({
      resourceId: second.id,
    });
    await expect(claimInOwnTransaction(db, offering, start)).rejects.toMatchObject({
      code: 'SLOT_TAKEN',
    });
    await expect(
      claimInOwnTransaction(db, offering, start, { resourceId: second.id }),
    ).rejects.toMatchObject({
      code: 'SLOT_TAKEN',
    });
  });

  it('refuses a time the schedule does not offer, saying why', async () => {
    const resource = await court('Strict court');
    const offering = await createOffering(db, {
      org,
      kind: 'appointment',
      slotMinutes: 60,
      minNoticeMinutes: 5 * 24 * 60,
      resources: [resource],
    });
    await expect(
      claimInOwnTransaction(db, offering, daysFromNowAt(new Date(), 6, '10:15', ZONE)),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(
        /^This time is not bookable: it is not one of the start times offered on/,
      ) as unknown,
    });
    await expect(claimInOwnTransaction(db, offering, at('10:00'))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: "This time is not bookable: bookings need 7200 minutes' notice.",
    });
    await expect(claimInOwnTransaction(db, offering, at('21:00'))).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(await liveRows(resource.id)).toEqual([]);
  });
});

describe('releaseSlotsOfHold and sellSlotsOfHold', () => {
  it("frees a released hold's slot, and sells a held one without freeing it later", async () => {
    const resource = await court('Lifecycle court');
    const offering = await createOffering(db, {
      org,
      kind: 'appointment',
      slotMinutes: 60,
      resources: [resource],
    });
    const released = await claimInOwnTransaction(db, offering, at('16:00'));
    expect(await db.transaction().execute((tx) => releaseSlotsOfHold(tx, released.holdId))).toBe(1);
    expect(await liveRows(resource.id)).toEqual([]);

    const sold = await claimInOwnTransaction(db, offering, at('16:00'));
    const booking = await db
      .insertInto('bookings')
      .values({
        orgId: org.id,
        reference: 'SLOTTEST1',
        holdId: sold.holdId,
        offeringId: offering.id,
        status: 'confirmed',
        confirmedAt: new Date(),
        contactName: 'Ada',
        contactEmail: 'ada@example.com',
        subtotalAmount: 0,
        totalAmount: 0,
        currency: 'EUR',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(
      await db.transaction().execute((tx) => sellSlotsOfHold(tx, sold.holdId, booking.id)),
    ).toBe(1);
    expect(await db.transaction().execute((tx) => releaseSlotsOfHold(tx, sold.holdId))).toBe(0);
    expect(await liveRows(resource.id)).toEqual([
      expect.objectContaining({ holdId: sold.holdId, bookingId: booking.id, heldUntil: null }),
    ]);
  });
});
