import { createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { movesAudited, siteBooking, validTickets } from '../testing/desk-bookings';
import { tennisCourts } from '../testing/engine-fixtures';

let t: ApiTest;

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 8 });
});
afterAll(() => t.close());

async function courts() {
  const fixture = await tennisCourts(t.db);
  const manager = (await createStaffUser(t.db, { org: fixture.org, role: 'manager' })).user;
  return { ...fixture, manager, desk: await t.caller({ userId: manager.id }) };
}

/** The live reservations of a court, in time order. */
const liveSlots = (resourceId: string) =>
  t.db
    .selectFrom('slotReservations')
    .select(['startsAt', 'bookingId', 'holdId', 'heldUntil'])
    .where('resourceId', '=', resourceId)
    .where('releasedAt', 'is', null)
    .orderBy('startsAt')
    .execute();

const slotItem = (bookingId: string) =>
  t.db
    .selectFrom('bookingItems')
    .select(['resourceId', 'startsAt', 'endsAt', 'description', 'totalAmount'])
    .where('bookingId', '=', bookingId)
    .where('kind', '=', 'slot')
    .executeTakeFirstOrThrow();

describe('staff.bookings.move of an appointment', () => {
  it('moves to another time on another court: the new slot sold, the old one free, the ticket reissued, audited', async () => {
    const { offering, centre, outside, at, manager, desk } = await courts();
    const booking = await siteBooking(
      t,
      { offeringId: offering.id, resourceId: centre.id, start: at('10:00') },
      { paidBy: manager.id },
    );
    const [before] = await validTickets(t, booking.bookingId);

    const moved = await desk.staff.bookings.move({
      kind: 'slot',
      reference: booking.reference,
      start: at('15:00'),
      resourceId: outside.id,
    });
    expect(moved).toEqual({
      priceDifference: { amount: 0, currency: 'EUR' },
      refundId: null,
      paymentId: null,
      linkEmailed: false,
    });
    expect(await liveSlots(centre.id)).toEqual([]);
    expect(await liveSlots(outside.id)).toEqual([
      {
        startsAt: at('15:00'),
        bookingId: booking.bookingId,
        holdId: booking.holdId,
        heldUntil: null,
      },
    ]);
    expect(await slotItem(booking.bookingId)).toEqual({
      resourceId: outside.id,
      startsAt: at('15:00'),
      endsAt: at('16:00'),
      description: 'Court 2',
      totalAmount: 3000,
    });
    const after = await validTickets(t, booking.bookingId);
    expect(after).toHaveLength(1);
    expect(after[0]?.code).not.toBe(before?.code);
    expect(await movesAudited(t, booking.bookingId)).toEqual([
      expect.objectContaining({
        changes: expect.objectContaining({ kind: 'slot', priceDifference: 0 }) as unknown,
      }),
    ]);

    // The time it left is bookable again: the same court, same hour, for someone else.
    const next = await siteBooking(t, {
      offeringId: offering.id,
      resourceId: centre.id,
      start: at('10:00'),
    });
    expect((await liveSlots(centre.id)).map((slot) => slot.holdId)).toEqual([next.holdId]);
  });

  it('a taken time gives SLOT_TAKEN and changes nothing', async () => {
    const { offering, centre, at, manager, desk } = await courts();
    const mine = await siteBooking(
      t,
      { offeringId: offering.id, resourceId: centre.id, start: at('10:00') },
      { paidBy: manager.id },
    );
    await siteBooking(
      t,
      { offeringId: offering.id, resourceId: centre.id, start: at('12:00') },
      { paidBy: manager.id },
    );
    const itemBefore = await slotItem(mine.bookingId);
    const ticketsBefore = await validTickets(t, mine.bookingId);

    await expect(
      desk.staff.bookings.move({ kind: 'slot', reference: mine.reference, start: at('12:00') }),
    ).rejects.toMatchObject({ cause: { code: 'SLOT_TAKEN' } });
    expect(await slotItem(mine.bookingId)).toEqual(itemBefore);
    expect(await validTickets(t, mine.bookingId)).toEqual(ticketsBefore);
    expect((await liveSlots(centre.id)).map((slot) => slot.startsAt)).toEqual([
      at('10:00'),
      at('12:00'),
    ]);
    expect(await movesAudited(t, mine.bookingId)).toEqual([]);
  });

  it('two moves racing for one free hour: exactly one wins, the other keeps its time', async () => {
    const { offering, centre, at, manager } = await courts();
    const bookings = await Promise.all(
      ['09:00', '11:00'].map((time) =>
        siteBooking(
          t,
          { offeringId: offering.id, resourceId: centre.id, start: at(time) },
          { paidBy: manager.id },
        ),
      ),
    );
    const outcomes = await Promise.allSettled(
      bookings.map(async (booking) =>
        (await t.caller({ userId: manager.id })).staff.bookings.move({
          kind: 'slot',
          reference: booking.reference,
          start: at('17:00'),
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
      reason: { cause: { code: 'SLOT_TAKEN' } },
    });
    const winnerIndex = outcomes[0]?.status === 'fulfilled' ? 0 : 1;
    const [winner, loser] = [bookings[winnerIndex], bookings[1 - winnerIndex]];
    if (!winner || !loser) throw new Error('two bookings raced');
    const live = await liveSlots(centre.id);
    expect(live.find((slot) => slot.startsAt.getTime() === at('17:00').getTime())).toMatchObject({
      bookingId: winner.bookingId,
    });
    expect((await slotItem(loser.bookingId)).startsAt).toEqual(
      at(winnerIndex === 0 ? '11:00' : '09:00'),
    );
    expect(live).toHaveLength(2);
  });

  it('refuses an unchanged time, a time not offered, another org’s booking or court and roles that do not sell', async () => {
    const { org, offering, centre, at, manager, desk } = await courts();
    const booking = await siteBooking(
      t,
      { offeringId: offering.id, resourceId: centre.id, start: at('10:00') },
      { paidBy: manager.id },
    );
    const move = (start: Date) => ({ kind: 'slot' as const, reference: booking.reference, start });
    await expect(desk.staff.bookings.move(move(at('10:00')))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(desk.staff.bookings.move(move(at('22:00')))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const other = await courts();
    await expect(other.desk.staff.bookings.move(move(at('14:00')))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      desk.staff.bookings.move({ ...move(at('14:00')), resourceId: other.centre.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const auditor = (await createStaffUser(t.db, { org, role: 'auditor' })).user;
    await expect(
      (await t.caller({ userId: auditor.id })).staff.bookings.move(move(at('14:00'))),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await slotItem(booking.bookingId)).startsAt).toEqual(at('10:00'));
  });

  it('lists what a move chooses from: the courts and one day’s free hours on one of them', async () => {
    const { org, offering, centre, outside, at, manager, desk } = await courts();
    const booking = await siteBooking(
      t,
      { offeringId: offering.id, resourceId: centre.id, start: at('10:00') },
      { paidBy: manager.id },
    );
    const options = await desk.staff.bookings.slotMoveOptions({ reference: booking.reference });
    expect(options).toMatchObject({
      timeZone: 'Europe/Paris',
      booked: { description: 'Centre court', resourceId: centre.id, startsAt: at('10:00') },
      resources: [
        { resourceId: centre.id, name: 'Centre court' },
        { resourceId: outside.id, name: 'Court 2' },
      ],
      resourceId: centre.id,
    });
    // 08:00 to 19:00 on the hour, but its own 10:00 (taken by the booking itself).
    expect(options.freeStarts).toHaveLength(11);
    expect(options.freeStarts).not.toContainEqual(at('10:00'));
    expect(options.freeStarts).toContainEqual(at('08:00'));
    const onCourt2 = await desk.staff.bookings.slotMoveOptions({
      reference: booking.reference,
      resourceId: outside.id,
      day: options.day,
    });
    expect(onCourt2.freeStarts).toContainEqual(at('10:00'));

    const other = await courts();
    await expect(
      other.desk.staff.bookings.slotMoveOptions({ reference: booking.reference }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      desk.staff.bookings.slotMoveOptions({
        reference: booking.reference,
        resourceId: other.centre.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const checkin = (await createStaffUser(t.db, { org, role: 'checkin' })).user;
    await expect(
      (await t.caller({ userId: checkin.id })).staff.bookings.slotMoveOptions({
        reference: booking.reference,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
