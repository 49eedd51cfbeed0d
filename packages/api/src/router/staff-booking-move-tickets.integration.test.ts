import { createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { movesAudited, siteBooking, validTickets } from '../testing/desk-bookings';
import { twoDateFestival } from '../testing/engine-fixtures';

let t: ApiTest;

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 8 });
});
afterAll(() => t.close());

async function festival(quotas?: { standing?: number; vip?: number }) {
  const fixture = await twoDateFestival(t.db, quotas);
  const manager = (await createStaffUser(t.db, { org: fixture.org, role: 'manager' })).user;
  return { ...fixture, manager, desk: await t.caller({ userId: manager.id }) };
}

/** Units of a date and type, by status, and those sold to the booking. */
async function units(occurrenceId: string, ticketTypeId: string, bookingId?: string) {
  const rows = await t.db
    .selectFrom('ticketUnits')
    .select(['status', 'bookingId', 'holdId', 'heldUntil'])
    .where('occurrenceId', '=', occurrenceId)
    .where('ticketTypeId', '=', ticketTypeId)
    .execute();
  return {
    free: rows.filter((row) => row.status === 'free').length,
    ofBooking: rows.filter((row) => bookingId && row.bookingId === bookingId).length,
    rows,
  };
}

const bookingRow = (bookingId: string) =>
  t.db
    .selectFrom('bookings')
    .select(['status', 'occurrenceId', 'totalAmount', 'paidAmount', 'refundedAmount'])
    .where('id', '=', bookingId)
    .executeTakeFirstOrThrow();

const paymentsOf = (bookingId: string) =>
  t.db
    .selectFrom('payments')
    .select(['status', 'amount'])
    .where('bookingId', '=', bookingId)
    .orderBy('createdAt')
    .execute();

describe('staff.bookings.move of general-admission tickets', () => {
  it('moves to another date as another type: units sold there and freed here, tickets reissued, the balance owed, the old date told', async () => {
    const { org, occurrence, later, standing, vip, manager, desk } = await festival();
    const booking = await siteBooking(
      t,
      { occurrenceId: occurrence.id, tickets: [{ ticketTypeId: standing.id, quantity: 2 }] },
      { paidBy: manager.id },
    );
    const before = await validTickets(t, booking.bookingId);
    expect(before).toHaveLength(2);

    const moved = await desk.staff.bookings.move({
      kind: 'tickets',
      reference: booking.reference,
      occurrenceId: later.id,
      tickets: [{ bookingItemId: booking.itemIds[0] ?? '', ticketTypeId: vip.id }],
    });
    expect(moved.priceDifference).toEqual({ amount: 6000, currency: 'EUR' });
    expect(moved.refundId).toBeNull();
    expect(await bookingRow(booking.bookingId)).toMatchObject({
      status: 'confirmed',
      occurrenceId: later.id,
      totalAmount: 10000,
      paidAmount: 4000,
    });
    expect(await paymentsOf(booking.bookingId)).toEqual([
      { status: 'succeeded', amount: 4000 },
      { status: 'pending', amount: 6000 },
    ]);
    expect(await units(occurrence.id, standing.id, booking.bookingId)).toMatchObject({
      free: 10,
      ofBooking: 0,
    });
    const vipLater = await units(later.id, vip.id, booking.bookingId);
    expect(vipLater).toMatchObject({ free: 0, ofBooking: 2 });
    expect(vipLater.rows.every((row) => row.status === 'sold' && !row.heldUntil)).toBe(true);
    const after = await validTickets(t, booking.bookingId);
    expect(after.map((ticket) => ticket.occurrenceId)).toEqual([later.id, later.id]);
    expect(after.map((ticket) => ticket.code)).not.toContain(before[0]?.code);
    const item = await t.db
      .selectFrom('bookingItems')
      .select(['ticketTypeId', 'occurrenceId', 'description', 'quantity', 'totalAmount'])
      .where('id', '=', booking.itemIds[0] ?? '')
      .executeTakeFirstOrThrow();
    expect(item).toEqual({
      ticketTypeId: vip.id,
      occurrenceId: later.id,
      description: 'VIP',
      quantity: 2,
      totalAmount: 10000,
    });
    expect(await movesAudited(t, booking.bookingId)).toEqual([
      expect.objectContaining({
        changes: expect.objectContaining({
          kind: 'tickets',
          occurrence: { from: occurrence.id, to: later.id },
          priceDifference: 6000,
        }) as unknown,
      }),
    ]);
    // The date it left is announced free, as a cancellation is: its waiting list moves on.
    const released = await t.db
      .selectFrom('outbox')
      .select(['aggregateType', 'aggregateId'])
      .where('eventType', '=', 'inventory.released')
      .where('orgId', '=', org.id)
      .execute();
    expect(released).toEqual([{ aggregateType: 'occurrence', aggregateId: occurrence.id }]);
  });

  it('a sold-out ticket type on the target date gives SOLD_OUT and changes nothing', async () => {
    const { occurrence, later, standing, vip, manager, desk } = await festival();
    const mine = await siteBooking(
      t,
      { occurrenceId: occurrence.id, tickets: [{ ticketTypeId: standing.id, quantity: 1 }] },
      { paidBy: manager.id },
    );
    await siteBooking(
      t,
      { occurrenceId: later.id, tickets: [{ ticketTypeId: vip.id, quantity: 2 }] },
      { paidBy: manager.id },
    );
    const ticketsBefore = await validTickets(t, mine.bookingId);
    const bookingBefore = await bookingRow(mine.bookingId);

    await expect(
      desk.staff.bookings.move({
        kind: 'tickets',
        reference: mine.reference,
        occurrenceId: later.id,
        tickets: [{ bookingItemId: mine.itemIds[0] ?? '', ticketTypeId: vip.id }],
      }),
    ).rejects.toMatchObject({ cause: { code: 'SOLD_OUT' } });
    expect(await bookingRow(mine.bookingId)).toEqual(bookingBefore);
    expect(await validTickets(t, mine.bookingId)).toEqual(ticketsBefore);
    expect(await units(occurrence.id, standing.id, mine.bookingId)).toMatchObject({
      ofBooking: 1,
    });
    expect(await paymentsOf(mine.bookingId)).toEqual([{ status: 'succeeded', amount: 2000 }]);
    expect(await movesAudited(t, mine.bookingId)).toEqual([]);
  });

  it('two moves racing for the last VIP place: exactly one wins, the other keeps its ticket', async () => {
    const { occurrence, later, standing, vip, manager } = await festival({ vip: 1 });
    const bookings = await Promise.all(
      [0, 1].map(() =>
        siteBooking(
          t,
          { occurrenceId: occurrence.id, tickets: [{ ticketTypeId: standing.id, quantity: 1 }] },
          { paidBy: manager.id },
        ),
      ),
    );
    const outcomes = await Promise.allSettled(
      bookings.map(async (booking) =>
        (await t.caller({ userId: manager.id })).staff.bookings.move({
          kind: 'tickets',
          reference: booking.reference,
          occurrenceId: later.id,
          tickets: [{ bookingItemId: booking.itemIds[0] ?? '', ticketTypeId: vip.id }],
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
      reason: { cause: { code: 'SOLD_OUT' } },
    });
    const winner = outcomes[0]?.status === 'fulfilled' ? bookings[0] : bookings[1];
    const loser = winner === bookings[0] ? bookings[1] : bookings[0];
    if (!winner || !loser) throw new Error('two bookings raced');
    expect(await units(later.id, vip.id, winner.bookingId)).toMatchObject({ ofBooking: 1 });
    expect(await units(occurrence.id, standing.id, loser.bookingId)).toMatchObject({
      ofBooking: 1,
    });
    expect((await bookingRow(loser.bookingId)).occurrenceId).toBe(occurrence.id);
  });

  it('moves a booking waiting for payment: places held to its deadline, the new total due, and paying sells them', async () => {
    const { occurrence, later, standing, vip, desk } = await festival();
    const booking = await siteBooking(t, {
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: vip.id, quantity: 1 }],
    });
    const { paymentDueAt } = await t.db
      .selectFrom('bookings')
      .select('paymentDueAt')
      .where('id', '=', booking.bookingId)
      .executeTakeFirstOrThrow();

    const moved = await desk.staff.bookings.move({
      kind: 'tickets',
      reference: booking.reference,
      occurrenceId: later.id,
      tickets: [{ bookingItemId: booking.itemIds[0] ?? '', ticketTypeId: standing.id }],
    });
    expect(moved).toMatchObject({ priceDifference: { amount: -3000 }, refundId: null });
    expect(await bookingRow(booking.bookingId)).toMatchObject({
      status: 'pending_payment',
      occurrenceId: later.id,
      totalAmount: 2000,
      paidAmount: 0,
    });
    // No money had moved: the amount due is repriced (the old payment gives way to a new one).
    expect(await paymentsOf(booking.bookingId)).toEqual([
      { status: 'cancelled', amount: 5000 },
      { status: 'pending', amount: 2000 },
    ]);
    expect(moved.paymentId).not.toBeNull();
    const held = await units(later.id, standing.id);
    expect(held.rows.filter((row) => row.holdId === booking.holdId)).toEqual([
      { status: 'held', bookingId: null, holdId: booking.holdId, heldUntil: paymentDueAt },
    ]);
    expect(await units(occurrence.id, vip.id)).toMatchObject({ free: 2 });
    expect(await validTickets(t, booking.bookingId)).toEqual([]);

    await desk.staff.bookings.markPaid({ reference: booking.reference });
    expect(await bookingRow(booking.bookingId)).toMatchObject({
      status: 'confirmed',
      paidAmount: 2000,
    });
    expect(await units(later.id, standing.id, booking.bookingId)).toMatchObject({ ofBooking: 1 });
    expect((await validTickets(t, booking.bookingId)).map((ticket) => ticket.occurrenceId)).toEqual(
      [later.id],
    );
  });

  it('refuses roles that do not sell, other orgs and their dates, an unchanged line, half a booking to another date', async () => {
    const { org, occurrence, later, standing, vip, manager, desk } = await festival();
    const booking = await siteBooking(
      t,
      {
        occurrenceId: occurrence.id,
        tickets: [
          { ticketTypeId: standing.id, quantity: 1 },
          { ticketTypeId: vip.id, quantity: 1 },
        ],
      },
      { paidBy: manager.id },
    );
    const [standingLine = '', vipLine = ''] = booking.itemIds;
    const move = (tickets: { bookingItemId: string; ticketTypeId: string }[], to = later.id) => ({
      kind: 'tickets' as const,
      reference: booking.reference,
      occurrenceId: to,
      tickets,
    });
    const whole = move([
      { bookingItemId: standingLine, ticketTypeId: standing.id },
      { bookingItemId: vipLine, ticketTypeId: vip.id },
    ]);

    for (const role of ['checkin', 'auditor'] as const) {
      const user = (await createStaffUser(t.db, { org, role })).user;
      await expect(
        (await t.caller({ userId: user.id })).staff.bookings.move(whole),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const other = await festival();
    await expect(other.desk.staff.bookings.move(whole)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      desk.staff.bookings.move({ ...whole, occurrenceId: other.later.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      desk.staff.bookings.move(
        move([{ bookingItemId: standingLine, ticketTypeId: standing.id }], occurrence.id),
      ),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      desk.staff.bookings.move(move([{ bookingItemId: standingLine, ticketTypeId: vip.id }])),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('moves the whole booking') as unknown,
    });
    await expect(
      desk.staff.bookings.move(move([{ bookingItemId: standingLine, ticketTypeId: other.vip.id }])),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(desk.staff.bookings.move({ ...whole, tickets: [] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await bookingRow(booking.bookingId)).toMatchObject({ occurrenceId: occurrence.id });
    expect(await movesAudited(t, booking.bookingId)).toEqual([]);
  });

  it('lists what a move chooses from: the ticket lines, the dates and the types left on one', async () => {
    const { org, occurrence, later, standing, vip, manager, desk } = await festival();
    const booking = await siteBooking(
      t,
      { occurrenceId: occurrence.id, tickets: [{ ticketTypeId: standing.id, quantity: 3 }] },
      { paidBy: manager.id },
    );
    await siteBooking(t, {
      occurrenceId: later.id,
      tickets: [{ ticketTypeId: vip.id, quantity: 1 }],
    });
    const options = await desk.staff.bookings.moveOptions({
      reference: booking.reference,
      occurrenceId: later.id,
    });
    expect(options).toMatchObject({
      kind: 'tickets',
      occurrenceId: later.id,
      seats: [],
      freeSeats: [],
      ticketLines: [
        {
          bookingItemId: booking.itemIds[0],
          description: 'Standing',
          quantity: 3,
          ticketTypeId: standing.id,
          total: { amount: 6000, currency: 'EUR' },
        },
      ],
    });
    expect(options.dates.map((date) => date.occurrenceId)).toEqual([occurrence.id, later.id]);
    expect(options.ticketTypes).toEqual([
      {
        ticketTypeId: standing.id,
        name: 'Standing',
        price: { amount: 2000, currency: 'EUR' },
        remaining: 10,
      },
      { ticketTypeId: vip.id, name: 'VIP', price: { amount: 5000, currency: 'EUR' }, remaining: 1 },
    ]);
    const checkin = (await createStaffUser(t.db, { org, role: 'checkin' })).user;
    await expect(
      (await t.caller({ userId: checkin.id })).staff.bookings.moveOptions({
        reference: booking.reference,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
