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

/** The theatre, and a manager who takes payments at the desk. */
async function theatre() {
  const fixture = await twoTierTheatre(t.db);
  const manager = (await createStaffUser(t.db, { org: fixture.org, role: 'manager' })).user;
  return { ...fixture, manager };
}

/** A booking of one seat, paid at the desk (confirmed), with its seat item. */
async function paidBooking(occurrenceId: string, seatId: string, managerId: string) {
  const customer = await t.caller(noLimits);
  const hold = await customer.holds.create({ occurrenceId, seatIds: [seatId] });
  const { reference } = await customer.bookings.checkout({
    holdId: hold.holdId,
    idempotencyKey: `key-${randomUUID()}`,
    contact: { name: 'Ines', email: 'ines@example.test' },
  });
  await (await t.caller({ userId: managerId })).staff.bookings.markPaid({ reference });
  const booking = await t.db
    .selectFrom('bookings')
    .select(['id', 'totalAmount', 'paidAmount', 'refundedAmount'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  const item = await t.db
    .selectFrom('bookingItems')
    .select('id')
    .where('bookingId', '=', booking.id)
    .where('kind', '=', 'seat')
    .executeTakeFirstOrThrow();
  return { reference, bookingId: booking.id, itemId: item.id };
}

const seatRow = (occurrenceId: string, seatId: string) =>
  t.db
    .selectFrom('occurrenceSeats')
    .select(['status', 'bookingId'])
    .where('occurrenceId', '=', occurrenceId)
    .where('seatId', '=', seatId)
    .executeTakeFirstOrThrow();

const ticketsOf = (bookingId: string) =>
  t.db
    .selectFrom('tickets')
    .select(['code', 'status', 'occurrenceId'])
    .where('bookingId', '=', bookingId)
    .orderBy('createdAt')
    .execute();

const moneyOf = (bookingId: string) =>
  t.db
    .selectFrom('bookings')
    .select(['totalAmount', 'paidAmount', 'refundedAmount', 'occurrenceId'])
    .where('id', '=', bookingId)
    .executeTakeFirstOrThrow();

describe('staff.bookings.move', () => {
  it('moves a seat on the same date: new seat sold, old one free, tickets reissued, audited, announced', async () => {
    const { org, occurrence, standard, manager } = await theatre();
    const booking = await paidBooking(occurrence.id, at(standard, 0).id, manager.id);
    const [before] = await ticketsOf(booking.bookingId);
    const agent = (await createStaffUser(t.db, { org, role: 'agent' })).user;

    const result = await (
      await t.caller({ userId: agent.id })
    ).staff.bookings.move({
      reference: booking.reference,
      occurrenceId: occurrence.id,
      kind: 'seats',
      seats: [{ bookingItemId: booking.itemId, seatId: at(standard, 1).id }],
    });

    expect(result).toEqual({
      priceDifference: { amount: 0, currency: 'EUR' },
      refundId: null,
      paymentId: null,
      linkEmailed: false,
    });
    expect(await seatRow(occurrence.id, at(standard, 0).id)).toEqual({
      status: 'free',
      bookingId: null,
    });
    expect(await seatRow(occurrence.id, at(standard, 1).id)).toEqual({
      status: 'sold',
      bookingId: booking.bookingId,
    });
    const tickets = await ticketsOf(booking.bookingId);
    expect(tickets.map((ticket) => ticket.status)).toEqual(['void', 'valid']);
    expect(tickets[0]?.code).toBe(before?.code);
    expect(tickets[1]?.code).not.toBe(before?.code);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['actorLabel', 'changes'])
      .where('orgId', '=', org.id)
      .where('action', '=', 'booking.moved')
      .executeTakeFirstOrThrow();
    expect(audit.actorLabel).toBe(agent.email);
    expect(audit.changes).toMatchObject({
      seats: [{ from: at(standard, 0).id, to: at(standard, 1).id }],
    });
    const outbox = await t.db
      .selectFrom('outbox')
      .select('payload')
      .where('aggregateId', '=', booking.bookingId)
      .where('eventType', '=', 'booking.moved')
      .execute();
    expect(outbox).toHaveLength(1);
  });

  it('a dearer seat leaves the difference owing; marked paid, then a cheaper move refunds it: the money adds up', async () => {
    const { occurrence, standard, premium, manager } = await theatre();
    const booking = await paidBooking(occurrence.id, at(standard, 0).id, manager.id);
    const staff = await t.caller({ userId: manager.id });

    const up = await staff.staff.bookings.move({
      reference: booking.reference,
      occurrenceId: occurrence.id,
      kind: 'seats',
      seats: [{ bookingItemId: booking.itemId, seatId: at(premium, 0).id }],
    });
    expect(up.priceDifference.amount).toBe(2500);
    expect(up.refundId).toBeNull();
    const owed = await t.db
      .selectFrom('payments')
      .select(['amount', 'status', 'provider'])
      .where('id', '=', up.paymentId ?? '')
      .executeTakeFirstOrThrow();
    expect(owed).toEqual({ amount: 2500, status: 'pending', provider: 'offline' });
    expect(await moneyOf(booking.bookingId)).toMatchObject({ totalAmount: 7000, paidAmount: 4500 });

    await staff.staff.bookings.markPaid({ reference: booking.reference });
    expect(await moneyOf(booking.bookingId)).toMatchObject({ totalAmount: 7000, paidAmount: 7000 });

    const down = await staff.staff.bookings.move({
      reference: booking.reference,
      occurrenceId: occurrence.id,
      kind: 'seats',
      seats: [{ bookingItemId: booking.itemId, seatId: at(standard, 2).id }],
    });
    expect(down.priceDifference.amount).toBe(-2500);
    const refund = await t.db
      .selectFrom('refunds')
      .select(['amount', 'status', 'reason'])
      .where('id', '=', down.refundId ?? '')
      .executeTakeFirstOrThrow();
    // Offline money is handed back at the desk: the refund is recorded, pending.
    expect(refund).toEqual({ amount: 2500, status: 'pending', reason: 'staff' });
    expect(await moneyOf(booking.bookingId)).toMatchObject({ totalAmount: 4500, paidAmount: 7000 });
  });

  it('a cheaper move while a balance is still owed lowers the balance instead of refunding', async () => {
    const { occurrence, standard, premium, manager } = await theatre();
    const booking = await paidBooking(occurrence.id, at(standard, 0).id, manager.id);
    const staff = await t.caller({ userId: manager.id });
    await staff.staff.bookings.move({
      reference: booking.reference,
      occurrenceId: occurrence.id,
      kind: 'seats',
      seats: [{ bookingItemId: booking.itemId, seatId: at(premium, 0).id }],
    });
    const back = await staff.staff.bookings.move({
      reference: booking.reference,
      occurrenceId: occurrence.id,
      kind: 'seats',
      seats: [{ bookingItemId: booking.itemId, seatId: at(standard, 1).id }],
    });
    expect(back).toMatchObject({ refundId: null, paymentId: null });
    const payments = await t.db
      .selectFrom('payments')
      .select(['amount', 'status'])
      .where('bookingId', '=', booking.bookingId)
      .orderBy('createdAt')
      .execute();
    expect(payments).toEqual([
      { amount: 4500, status: 'succeeded' },
      { amount: 2500, status: 'cancelled' },
    ]);
  });

  it('moves to another date of the offering, with tickets for that date', async () => {
    const { occurrence, later, standard, manager } = await theatre();
    const booking = await paidBooking(occurrence.id, at(standard, 0).id, manager.id);
    await (
      await t.caller({ userId: manager.id })
    ).staff.bookings.move({
      reference: booking.reference,
      occurrenceId: later.id,
      kind: 'seats',
      seats: [{ bookingItemId: booking.itemId, seatId: at(standard, 0).id }],
    });
    expect((await moneyOf(booking.bookingId)).occurrenceId).toBe(later.id);
    expect((await seatRow(occurrence.id, at(standard, 0).id)).status).toBe('free');
    expect(await seatRow(later.id, at(standard, 0).id)).toEqual({
      status: 'sold',
      bookingId: booking.bookingId,
    });
    const valid = (await ticketsOf(booking.bookingId)).filter((tk) => tk.status === 'valid');
    expect(valid.map((ticket) => ticket.occurrenceId)).toEqual([later.id]);
  });

  it('a taken seat gives SEAT_TAKEN and changes nothing', async () => {
    const { occurrence, standard, manager } = await theatre();
    const mine = await paidBooking(occurrence.id, at(standard, 0).id, manager.id);
    await paidBooking(occurrence.id, at(standard, 1).id, manager.id);
    const ticketsBefore = await ticketsOf(mine.bookingId);

    await expect(
      (await t.caller({ userId: manager.id })).staff.bookings.move({
        reference: mine.reference,
        occurrenceId: occurrence.id,
        kind: 'seats',
        seats: [{ bookingItemId: mine.itemId, seatId: at(standard, 1).id }],
      }),
    ).rejects.toMatchObject({ cause: { code: 'SEAT_TAKEN' } });
    expect(await seatRow(occurrence.id, at(standard, 0).id)).toEqual({
      status: 'sold',
      bookingId: mine.bookingId,
    });
    expect(await ticketsOf(mine.bookingId)).toEqual(ticketsBefore);
    const audit = await t.db
      .selectFrom('auditLog')
      .select('id')
      .where('action', '=', 'booking.moved')
      .where('entityId', '=', mine.bookingId)
      .execute();
    expect(audit).toEqual([]);
  });

  it('two moves racing for one seat: exactly one wins, the other keeps its seat', async () => {
    const { occurrence, standard, manager } = await theatre();
    const first = await paidBooking(occurrence.id, at(standard, 0).id, manager.id);
    const second = await paidBooking(occurrence.id, at(standard, 1).id, manager.id);
    const target = at(standard, 3).id;

    const outcomes = await Promise.allSettled(
      [first, second].map(async (booking) =>
        (await t.caller({ userId: manager.id })).staff.bookings.move({
          reference: booking.reference,
          occurrenceId: occurrence.id,
          kind: 'seats',
          seats: [{ bookingItemId: booking.itemId, seatId: target }],
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(lost).toMatchObject({ reason: { cause: { code: 'SEAT_TAKEN' } } });
    const winner = outcomes[0]?.status === 'fulfilled' ? first : second;
    const loser = winner === first ? second : first;
    expect(await seatRow(occurrence.id, target)).toEqual({
      status: 'sold',
      bookingId: winner.bookingId,
    });
    const loserSeat = loser === first ? at(standard, 0).id : at(standard, 1).id;
    expect(await seatRow(occurrence.id, loserSeat)).toEqual({
      status: 'sold',
      bookingId: loser.bookingId,
    });
  });

  it('refuses roles that do not sell, other orgs, their dates, cancelled bookings and bad input', async () => {
    const { org, occurrence, standard, manager } = await theatre();
    const booking = await paidBooking(occurrence.id, at(standard, 0).id, manager.id);
    const other = await theatre();
    const move = (seatId: string, occurrenceId = occurrence.id) => ({
      reference: booking.reference,
      occurrenceId,
      kind: 'seats' as const,
      seats: [{ bookingItemId: booking.itemId, seatId }],
    });

    for (const role of ['checkin', 'auditor'] as const) {
      const user = (await createStaffUser(t.db, { org, role })).user;
      await expect(
        (await t.caller({ userId: user.id })).staff.bookings.move(move(at(standard, 1).id)),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    // Another org's owner cannot reach this booking, nor this org move onto the other's date.
    await expect(
      (await t.caller({ userId: other.manager.id })).staff.bookings.move(move(at(standard, 1).id)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const staff = await t.caller({ userId: manager.id });
    await expect(
      staff.staff.bookings.move(move(at(other.standard, 1).id, other.occurrence.id)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(staff.staff.bookings.move(move(at(other.standard, 1).id))).rejects.toMatchObject({
      cause: { code: 'SEAT_TAKEN' },
    });
    await expect(staff.staff.bookings.move(move(at(standard, 0).id))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      staff.staff.bookings.move({ ...move(at(standard, 1).id), seats: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const customer = await t.caller(noLimits);
    const hold = await customer.holds.create({
      occurrenceId: occurrence.id,
      seatIds: [at(standard, 2).id],
    });
    const cancelled = await customer.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: `key-${randomUUID()}`,
      contact: { name: 'Ines', email: 'ines@example.test' },
    });
    await staff.staff.bookings.cancel({ reference: cancelled.reference });
    await expect(
      staff.staff.bookings.move({ ...move(at(standard, 3).id), reference: cancelled.reference }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await seatRow(occurrence.id, at(standard, 0).id)).bookingId).toBe(booking.bookingId);
  });

  it('lists what a move chooses from: the seats, the dates and the free seats with prices', async () => {
    const { org, occurrence, later, standard, premium, manager } = await theatre();
    const booking = await paidBooking(occurrence.id, at(standard, 0).id, manager.id);
    const staff = await t.caller({ userId: manager.id });
    const options = await staff.staff.bookings.moveOptions({ reference: booking.reference });
    expect(options.occurrenceId).toBe(occurrence.id);
    expect(options.seats).toEqual([
      {
        bookingItemId: booking.itemId,
        description: expect.stringContaining('Stalls') as string,
        total: { amount: 4500, currency: 'EUR' },
      },
    ]);
    expect(options.dates.map((date) => date.occurrenceId)).toEqual([occurrence.id, later.id]);
    // Sold seats are left out; the circle comes before the stalls in the database's seat order.
    expect(options.freeSeats.map((seat) => [seat.seatId, seat.price?.amount])).toEqual([
      [at(premium, 0).id, 7000],
      [at(premium, 1).id, 7000],
      [at(standard, 1).id, 4500],
      [at(standard, 2).id, 4500],
      [at(standard, 3).id, 4500],
    ]);

    const checkin = (await createStaffUser(t.db, { org, role: 'checkin' })).user;
    await expect(
      (await t.caller({ userId: checkin.id })).staff.bookings.moveOptions({
        reference: booking.reference,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await theatre();
    await expect(
      (await t.caller({ userId: other.manager.id })).staff.bookings.moveOptions({
        reference: booking.reference,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      staff.staff.bookings.moveOptions({
        reference: booking.reference,
        occurrenceId: other.occurrence.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
