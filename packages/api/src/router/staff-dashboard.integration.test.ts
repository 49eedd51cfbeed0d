import { randomUUID } from 'node:crypto';
import { createOccurrence, createStaffUser, createUser } from '@tessera/db/seed';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at, generalAdmission, seatedOccurrence } from '../testing/engine-fixtures';

let t: ApiTest;
type Role = 'owner' | 'manager' | 'agent' | 'checkin' | 'auditor';
let a: { orgId: string; staff: Record<Role, string> };
let ga: Awaited<ReturnType<typeof generalAdmission>>;
let otherOwner: string;
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };
// Far from UTC, so "today" in the org's zone and in UTC differ for much of the day.
const ZONE = 'Pacific/Auckland';
/** The org's local midnight today, computed apart from the code under test. */
const midnight = () => Temporal.Now.zonedDateTimeISO(ZONE).startOfDay();
const instant = (zoned: Temporal.ZonedDateTime) => new Date(zoned.epochMilliseconds);

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
  ga = await generalAdmission(t.db, { quota: 10 });
  await t.db.updateTable('orgs').set({ timeZone: ZONE }).where('id', '=', ga.org.id).execute();
  const staff = {} as Record<Role, string>;
  for (const role of ['owner', 'manager', 'agent', 'checkin', 'auditor'] as const)
    staff[role] = (await createStaffUser(t.db, { org: ga.org, role })).user.id;
  a = { orgId: ga.org.id, staff };
  const other = await generalAdmission(t.db);
  otherOwner = (await createStaffUser(t.db, { org: other.org, role: 'owner' })).user.id;
});

afterAll(() => t.close());

const as = (userId: string) => t.caller({ userId });

/** A booking of the org's offering, confirmed at `confirmedAt` (or waiting for payment). */
async function booking(
  orgId: string,
  offeringId: string,
  confirmedAt: Date | null,
  total: number,
  currency = 'EUR',
) {
  return t.db
    .insertInto('bookings')
    .values({
      orgId,
      reference: `DB${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`,
      offeringId,
      status: confirmedAt ? 'confirmed' : 'pending_payment',
      contactName: 'Dash Board',
      contactEmail: 'dash@example.test',
      subtotalAmount: total,
      totalAmount: total,
      paidAmount: confirmedAt ? total : 0,
      currency,
      confirmedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describe('staff.dashboard.today', () => {
  it("lists the dates starting on the org's local today with occupancy, and no other org's", async () => {
    const today = midnight();
    const starting = (zoned: Temporal.ZonedDateTime) =>
      createOccurrence(t.db, { offering: ga.offering, startsAt: instant(zoned), capacity: 10 });
    const early = await starting(today.add({ minutes: 30 }));
    const late = await starting(today.add({ hours: 23, minutes: 30 }));
    await starting(today.subtract({ minutes: 30 }));
    await starting(today.add({ days: 1, minutes: 30 }));
    // Sold a month ago: outside the sales windows below.
    const sold = await booking(a.orgId, ga.offering.id, instant(today.subtract({ days: 30 })), 0);
    await t.db
      .updateTable('ticketUnits')
      .set({ status: 'sold', bookingId: sold.id })
      .where('occurrenceId', '=', early.id)
      .where('unitNo', '<=', 4)
      .execute();

    const result = await (await as(a.staff.checkin)).staff.dashboard.today();
    expect(result).toMatchObject({ timeZone: ZONE, date: today.toPlainDate().toString() });
    expect(result.occurrences.map((occurrence) => occurrence.id)).toEqual([early.id, late.id]);
    expect(result.occurrences[0]).toMatchObject({ capacity: 10, taken: 4, remaining: 6 });

    const other = await (await as(otherOwner)).staff.dashboard.today();
    expect(other.occurrences.map((occurrence) => occurrence.id)).not.toContain(early.id);
  });
});

describe('staff.dashboard.sales', () => {
  it('sums bookings confirmed today and over the last 7 local days, per currency, for roles that read reports', async () => {
    const today = midnight();
    const offeringId = ga.offering.id;
    await booking(a.orgId, offeringId, instant(today.add({ minutes: 1 })), 2000);
    await booking(a.orgId, offeringId, instant(today.add({ minutes: 2 })), 500, 'USD');
    await booking(a.orgId, offeringId, instant(today.subtract({ minutes: 1 })), 1000);
    await booking(a.orgId, offeringId, instant(today.subtract({ days: 6 })), 300);
    // Just before the 7-day window, and unpaid: neither counts.
    await booking(a.orgId, offeringId, instant(today.subtract({ days: 6, minutes: 1 })), 9000);
    await booking(a.orgId, offeringId, null, 7000);

    for (const role of ['owner', 'manager', 'auditor'] as const) {
      const sales = await (await as(a.staff[role])).staff.dashboard.sales();
      expect(sales).toEqual({
        timeZone: ZONE,
        today: [
          { currency: 'EUR', amount: 2000, bookings: 1 },
          { currency: 'USD', amount: 500, bookings: 1 },
        ],
        last7Days: [
          { currency: 'EUR', amount: 3300, bookings: 3 },
          { currency: 'USD', amount: 500, bookings: 1 },
        ],
      });
    }
    const other = await (await as(otherOwner)).staff.dashboard.sales();
    expect(other.today).toEqual([]);
  });

  it('refuses sales figures to agents and check-in staff, and everything to customers', async () => {
    for (const role of ['agent', 'checkin'] as const)
      await expect((await as(a.staff[role])).staff.dashboard.sales()).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    await expect((await t.caller()).staff.dashboard.today()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const customer = (await createUser(t.db)).id;
    await expect(
      (await t.caller({ userId: customer, orgId: a.orgId })).staff.dashboard.pendingPayments(),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('staff.dashboard.pendingPayments', () => {
  it("counts the org's bookings waiting for payment, for every staff role", async () => {
    const before = await (await as(a.staff.agent)).staff.dashboard.pendingPayments();
    await booking(a.orgId, ga.offering.id, null, 100);
    await booking(a.orgId, ga.offering.id, instant(midnight()), 100);
    for (const role of ['owner', 'manager', 'agent', 'checkin', 'auditor'] as const)
      expect(await (await as(a.staff[role])).staff.dashboard.pendingPayments()).toEqual({
        count: before.count + 1,
      });
    expect(await (await as(otherOwner)).staff.dashboard.pendingPayments()).toEqual({ count: 0 });
  });
});

describe('staff.dashboard.feed', () => {
  it("opens with the org's latest booking events and check-ins, newest first, and no other org's", async () => {
    const concert = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 4, priceAmount: 0 });
    const owner = (await createStaffUser(t.db, { org: concert.org, role: 'owner' })).user.id;
    const agent = (await createStaffUser(t.db, { org: concert.org, role: 'agent' })).user.id;
    const customer = await t.caller(noLimits);
    const hold = await customer.holds.create({
      occurrenceId: concert.occurrence.id,
      seatIds: [at(concert.seats, 0).id],
    });
    const { reference } = await customer.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: `key-${randomUUID()}`,
      contact: { name: 'Feed Reader', email: 'feed@example.test' },
      attendees: [{ name: 'Feed Reader' }],
    });
    const { code } = await t.db
      .selectFrom('tickets as tk')
      .innerJoin('bookings as b', 'b.id', 'tk.bookingId')
      .select('tk.code')
      .where('b.reference', '=', reference)
      .executeTakeFirstOrThrow();
    const scan = await (
      await as(owner)
    ).staff.checkIn.scan({ occurrenceId: concert.occurrence.id, scanned: code });
    expect(scan.result).toBe('valid');

    // A check-in reaches the org room the way bookings do: an outbox event of the booking.
    const { items } = await (await as(agent)).staff.dashboard.feed({ limit: 2 });
    expect(items).toEqual([
      expect.objectContaining({
        eventType: 'ticket.checked_in',
        reference,
        status: 'confirmed',
        ticketCode: code,
        occurrenceId: concert.occurrence.id,
      }),
      expect.objectContaining({ eventType: 'booking.confirmed', reference, ticketCode: null }),
    ]);
    const outsider = await (await as(a.staff.owner)).staff.dashboard.feed();
    expect(outsider.items.map((item) => item.reference)).not.toContain(reference);
  });

  it('refuses a limit out of range with a readable message', async () => {
    const { status, body } = await t.http(
      'staff.dashboard.feed',
      { limit: 500 },
      { userId: a.staff.owner, method: 'GET' },
    );
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toHaveProperty('limit');
  });
});
