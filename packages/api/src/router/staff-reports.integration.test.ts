import { createOccurrence, createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { generalAdmission } from '../testing/engine-fixtures';

let t: ApiTest;
let a: { orgId: string; owner: string; auditor: string; agent: string; checkin: string };
let otherOwner: string;
let occurrenceId: string;
let offeringName: string;

const range = { from: '2026-06-01', to: '2026-06-02' };

/** A confirmed booking of `quantity` Standing tickets at 1000 each, confirmed at `confirmedAt`. */
async function sell(
  ga: Awaited<ReturnType<typeof generalAdmission>>,
  options: {
    reference: string;
    confirmedAt: Date | null;
    quantity: number;
    channel: 'web' | 'agent' | 'api';
  },
) {
  const total = options.quantity * 1000;
  const booking = await t.db
    .insertInto('bookings')
    .values({
      orgId: ga.org.id,
      reference: options.reference,
      offeringId: ga.offering.id,
      occurrenceId: ga.occurrence.id,
      channel: options.channel,
      status: options.confirmedAt ? 'confirmed' : 'pending_payment',
      contactName: 'Ada Report',
      contactEmail: 'ada@example.test',
      subtotalAmount: total,
      totalAmount: total,
      paidAmount: options.confirmedAt ? total : 0,
      currency: 'EUR',
      confirmedAt: options.confirmedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('bookingItems')
    .values({
      orgId: ga.org.id,
      bookingId: booking.id,
      position: 0,
      kind: 'ticket',
      description: 'Standing',
      occurrenceId: ga.occurrence.id,
      ticketTypeId: ga.ticketType.id,
      quantity: options.quantity,
      unitAmount: 1000,
      totalAmount: total,
      currency: 'EUR',
    })
    .execute();
  return booking.id;
}

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
  // The org is in Europe/Paris (UTC+2 in June): 21:30Z is 23:30 on 1 June there, 22:30Z is 00:30 on 2 June.
  const ga = await generalAdmission(t.db, { quota: 10 });
  offeringName = ga.offering.name;
  const role = async (name: 'owner' | 'auditor' | 'agent' | 'checkin') =>
    (await createStaffUser(t.db, { org: ga.org, role: name })).user.id;
  a = {
    orgId: ga.org.id,
    owner: await role('owner'),
    auditor: await role('auditor'),
    agent: await role('agent'),
    checkin: await role('checkin'),
  };
  const lateJune1 = await sell(ga, {
    reference: 'REPJUN01',
    confirmedAt: new Date('2026-06-01T21:30:00Z'),
    quantity: 2,
    channel: 'web',
  });
  await sell(ga, {
    reference: 'REPJUN02',
    confirmedAt: new Date('2026-06-01T22:30:00Z'),
    quantity: 1,
    channel: 'agent',
  });
  await sell(ga, {
    reference: 'REPMAY31',
    confirmedAt: new Date('2026-05-31T21:59:00Z'),
    quantity: 5,
    channel: 'api',
  });
  await sell(ga, { reference: 'REPPEND1', confirmedAt: null, quantity: 4, channel: 'web' });
  const payment = await t.db
    .insertInto('payments')
    .values({
      orgId: ga.org.id,
      bookingId: lateJune1,
      provider: 'offline',
      status: 'succeeded',
      amount: 2000,
      currency: 'EUR',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('refunds')
    .values([
      // 23:45 Paris on 2 June: in range; the failed one never counts.
      {
        orgId: ga.org.id,
        paymentId: payment.id,
        bookingId: lateJune1,
        amount: 500,
        currency: 'EUR',
        status: 'succeeded',
        reason: 'staff',
        idempotencyKey: 'refund-1',
        completedAt: new Date('2026-06-02T21:45:00Z'),
      },
      {
        orgId: ga.org.id,
        paymentId: payment.id,
        bookingId: lateJune1,
        amount: 700,
        currency: 'EUR',
        status: 'failed',
        reason: 'staff',
        idempotencyKey: 'refund-2',
        completedAt: new Date('2026-06-02T10:00:00Z'),
      },
      // 00:15 Paris on 3 June: after the range.
      {
        orgId: ga.org.id,
        paymentId: payment.id,
        bookingId: lateJune1,
        amount: 300,
        currency: 'EUR',
        status: 'succeeded',
        reason: 'staff',
        idempotencyKey: 'refund-3',
        completedAt: new Date('2026-06-02T22:15:00Z'),
      },
    ])
    .execute();
  // A departure on 2 June with 3 of its 10 units sold.
  const occurrence = await createOccurrence(t.db, {
    offering: ga.offering,
    startsAt: new Date('2026-06-02T08:00:00Z'),
    capacity: 10,
  });
  occurrenceId = occurrence.id;
  await t.db
    .updateTable('ticketUnits')
    .set({ status: 'sold', bookingId: lateJune1 })
    .where('occurrenceId', '=', occurrence.id)
    .where('unitNo', '<=', 3)
    .execute();
  const other = await generalAdmission(t.db);
  otherOwner = (await createStaffUser(t.db, { org: other.org, role: 'owner' })).user.id;
});

afterAll(() => t.close());

const as = (userId: string) => t.caller({ userId });

describe('staff.reports.sales', () => {
  it("counts each sale on its local day in the org's zone, around midnight", async () => {
    const report = await (await as(a.auditor)).staff.reports.sales(range);
    expect(report).toMatchObject({ timeZone: 'Europe/Paris', ...range });
    expect(report.revenueByDay).toEqual([
      { date: '2026-06-01', currency: 'EUR', bookings: 1, revenue: 2000 },
      { date: '2026-06-02', currency: 'EUR', bookings: 1, revenue: 1000 },
    ]);
    expect(report.byChannel).toEqual([
      { channel: 'agent', currency: 'EUR', bookings: 1, revenue: 1000 },
      { channel: 'web', currency: 'EUR', bookings: 1, revenue: 2000 },
    ]);
    expect(report.byTicketType).toEqual([
      {
        ticketType: 'Standing',
        offeringName,
        currency: 'EUR',
        quantity: 3,
        revenue: 3000,
      },
    ]);
    expect(report.refunds).toEqual([
      { date: '2026-06-02', currency: 'EUR', refunds: 1, amount: 500 },
    ]);
    expect(report.occupancy).toEqual([
      expect.objectContaining({ occurrenceId, capacity: 10, sold: 3, occupancyPercent: 30 }),
    ]);
  });

  it('moves a sale to the day before when the range starts a day earlier (23:59 on 31 May Paris)', async () => {
    const report = await (
      await as(a.owner)
    ).staff.reports.sales({ from: '2026-05-31', to: '2026-05-31' });
    expect(report.revenueByDay).toEqual([
      { date: '2026-05-31', currency: 'EUR', bookings: 1, revenue: 5000 },
    ]);
    expect(report.byChannel).toEqual([
      { channel: 'api', currency: 'EUR', bookings: 1, revenue: 5000 },
    ]);
  });

  it('is refused to roles without reports:read, and shows another org nothing of this one', async () => {
    for (const userId of [a.agent, a.checkin])
      await expect((await as(userId)).staff.reports.sales(range)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    const theirs = await (await as(otherOwner)).staff.reports.sales(range);
    expect(theirs).toMatchObject({
      revenueByDay: [],
      byChannel: [],
      byTicketType: [],
      refunds: [],
      occupancy: [],
    });
  });

  it("defaults to the last 30 days up to today in the org's zone", async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
    const report = await (await as(a.owner)).staff.reports.sales({});
    expect(report.to).toBe(today);
    expect((Date.parse(report.to) - Date.parse(report.from)) / 86_400_000).toBe(29);
  });

  it('refuses a backwards range with a readable message', async () => {
    const { status, body } = await t.http(
      'staff.reports.sales',
      { from: '2026-06-02', to: '2026-06-01' },
      { userId: a.owner, method: 'GET' },
    );
    expect(status).toBe(400);
    expect(body.error?.json.message).toBe(
      'Invalid input: to: The end date must not be before the start date',
    );
  });
});
