import { randomUUID } from 'node:crypto';
import { createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { offeringWithExtras } from '../testing/catalog-fixtures';

let t: ApiTest;

beforeAll(async () => {
  t = await setupApiTest();
});
afterAll(() => t.close());

describe('staff.catalog.removeItem', () => {
  it('deletes what nothing refers to and deactivates what was sold, audited', async () => {
    const { org, occurrence, ticketType, staff, unsold, rule, promo, addOn } =
      await offeringWithExtras(t);
    const customer = await t.caller({ engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } });
    const hold = await customer.holds.create({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }],
      addOns: [{ addOnId: addOn.id, quantity: 1 }],
    });
    await customer.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: `key-${randomUUID()}`,
      contact: { name: 'Ines', email: 'ines@example.test' },
      promoCode: promo.code,
    });

    for (const [kind, id] of [
      ['ticket_type', ticketType.id],
      ['add_on', addOn.id],
      ['promo_code', promo.id],
    ] as const)
      expect(await staff.staff.catalog.removeItem({ kind, id })).toMatchObject({
        outcome: 'deactivated',
        message: expect.stringContaining('deactivated instead of deleted') as string,
      });
    for (const [kind, id] of [
      ['ticket_type', unsold.id],
      ['price_rule', rule.id],
    ] as const)
      expect(await staff.staff.catalog.removeItem({ kind, id })).toMatchObject({
        outcome: 'deleted',
      });

    expect(
      await t.db
        .selectFrom('ticketTypes')
        .select(['id', 'active'])
        .where('id', 'in', [ticketType.id, unsold.id])
        .execute(),
    ).toEqual([{ id: ticketType.id, active: false }]);
    expect(
      await t.db.selectFrom('priceRules').select('id').where('id', '=', rule.id).execute(),
    ).toEqual([]);
    expect(
      (
        await t.db
          .selectFrom('addOns')
          .select('active')
          .where('id', '=', addOn.id)
          .executeTakeFirstOrThrow()
      ).active,
    ).toBe(false);
    const audit = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('orgId', '=', org.id)
      .where('action', 'like', '%.de%')
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'ticket_type.deactivated',
      'add_on.deactivated',
      'promo_code.deactivated',
      'ticket_type.deleted',
      'price_rule.deleted',
    ]);
    // A deactivated ticket type is no longer sold.
    await expect(
      customer.holds.create({
        occurrenceId: occurrence.id,
        tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('lets managers remove, refuses roles that may not edit the catalog and another org’s items', async () => {
    const { org, rule } = await offeringWithExtras(t);
    const manager = (await createStaffUser(t.db, { org, role: 'manager' })).user;
    expect(
      await (
        await t.caller({ userId: manager.id })
      ).staff.catalog.removeItem({ kind: 'price_rule', id: rule.id }),
    ).toMatchObject({ outcome: 'deleted' });
    const other = await offeringWithExtras(t);
    for (const role of ['agent', 'checkin', 'auditor'] as const) {
      const user = (await createStaffUser(t.db, { org: other.org, role })).user;
      await expect(
        (await t.caller({ userId: user.id })).staff.catalog.removeItem({
          kind: 'price_rule',
          id: other.rule.id,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    // An owner of the first org, with the other org's id.
    const stranger = (await createStaffUser(t.db, { org, role: 'owner' })).user;
    await expect(
      (await t.caller({ userId: stranger.id })).staff.catalog.removeItem({
        kind: 'add_on',
        id: other.addOn.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (
        await t.db
          .selectFrom('addOns')
          .select('active')
          .where('id', '=', other.addOn.id)
          .executeTakeFirstOrThrow()
      ).active,
    ).toBe(true);
  });
});
