import { randomUUID } from 'node:crypto';
import { createOrg, createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at, seatedOccurrence } from '../testing/engine-fixtures';

let t: ApiTest;
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };

beforeAll(async () => {
  t = await setupApiTest();
});
afterAll(() => t.close());

describe('staff.bookings.markPaid', () => {
  it('confirms a pay-at-venue booking once, audited, for staff who may sell — and nobody else', async () => {
    const { org, occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 2 });
    const customer = await t.caller(noLimits);
    const hold = await customer.holds.create({
      occurrenceId: occurrence.id,
      seatIds: [at(seats, 0).id],
    });
    const { reference } = await customer.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: `key-${randomUUID()}`,
      contact: { name: 'Yanis', email: 'yanis@example.test' },
    });

    const agent = (
      await createStaffUser(t.db, {
        org,
        role: 'agent',
        email: `agent-${randomUUID()}@example.test`,
      })
    ).user;
    const checkin = (await createStaffUser(t.db, { org, role: 'checkin' })).user;
    const stranger = (await createStaffUser(t.db, { org: await createOrg(t.db), role: 'owner' }))
      .user;

    await expect(
      (await t.caller({ userId: checkin.id })).staff.bookings.markPaid({ reference }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      (await t.caller({ userId: stranger.id })).staff.bookings.markPaid({ reference }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await t.caller()).staff.bookings.markPaid({ reference })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });

    const staff = await t.caller({ userId: agent.id });
    expect(await staff.staff.bookings.markPaid({ reference })).toEqual({ outcome: 'confirmed' });
    expect(await staff.staff.bookings.markPaid({ reference })).toEqual({
      outcome: 'already_settled',
    });

    const booking = await customer.bookings.byReference({ reference, email: 'yanis@example.test' });
    expect(booking).toMatchObject({
      status: 'confirmed',
      paid: { amount: 4500 },
      payment: { status: 'succeeded' },
    });
    expect(booking.tickets).toHaveLength(1);
    const seat = await t.db
      .selectFrom('occurrenceSeats')
      .select('status')
      .where('seatId', '=', at(seats, 0).id)
      .executeTakeFirstOrThrow();
    expect(seat.status).toBe('sold');
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorLabel', 'changes'])
      .where('orgId', '=', org.id)
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => [entry.action, entry.actorLabel])).toEqual([
      ['payment.marked_paid', agent.email],
      ['payment.marked_paid', agent.email],
    ]);
  });
});
