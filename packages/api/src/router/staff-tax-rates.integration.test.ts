import { createOrg, createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { twoTierTheatre } from '../testing/engine-fixtures';

let t: ApiTest;

beforeAll(async () => {
  t = await setupApiTest();
});
afterAll(() => t.close());

describe('staff.settings tax rates', () => {
  it('creates and edits rates, audited, and an offering picks one of its org only', async () => {
    const { org, offering } = await twoTierTheatre(t.db);
    const owner = (await createStaffUser(t.db, { org, role: 'owner' })).user;
    const staff = await t.caller({ userId: owner.id });

    const vat = await staff.staff.settings.saveTaxRate({
      name: 'VAT',
      rateBasisPoints: 2000,
      inclusive: true,
    });
    const edited = await staff.staff.settings.saveTaxRate({ ...vat, rateBasisPoints: 550 });
    expect(edited).toEqual({ ...vat, rateBasisPoints: 550 });
    expect(await staff.staff.settings.taxRates()).toEqual([edited]);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'changes'])
      .where('entityId', '=', vat.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'tax_rate.created',
        changes: { name: 'VAT', rateBasisPoints: 2000, inclusive: true },
      },
      { action: 'tax_rate.updated', changes: { rateBasisPoints: { from: 2000, to: 550 } } },
    ]);

    await staff.staff.catalog.updateOffering({ offeringId: offering.id, taxRateId: vat.id });
    expect((await staff.staff.catalog.offering({ offeringId: offering.id })).taxRateId).toBe(
      vat.id,
    );

    const other = await createOrg(t.db);
    const stranger = await t.caller({
      userId: (await createStaffUser(t.db, { org: other, role: 'owner' })).user.id,
    });
    const theirs = await stranger.staff.settings.saveTaxRate({
      name: 'Theirs',
      rateBasisPoints: 1000,
      inclusive: false,
    });
    await expect(
      staff.staff.catalog.updateOffering({ offeringId: offering.id, taxRateId: theirs.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      stranger.staff.settings.saveTaxRate({ ...vat, name: 'Hijacked' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await stranger.staff.settings.taxRates()).toEqual([theirs]);
  });

  it('refuses bad rates and roles that may not change settings', async () => {
    const { org } = await twoTierTheatre(t.db);
    const owner = await t.caller({
      userId: (await createStaffUser(t.db, { org, role: 'owner' })).user.id,
    });
    await expect(
      owner.staff.settings.saveTaxRate({
        name: 'Too much',
        rateBasisPoints: 10_001,
        inclusive: true,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    for (const role of ['agent', 'checkin', 'auditor'] as const) {
      const user = await t.caller({ userId: (await createStaffUser(t.db, { org, role })).user.id });
      await expect(
        user.staff.settings.saveTaxRate({ name: 'VAT', rateBasisPoints: 2000, inclusive: true }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await owner.staff.settings.taxRates()).toEqual([]);
  });
});
