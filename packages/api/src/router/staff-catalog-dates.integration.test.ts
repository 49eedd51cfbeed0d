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
