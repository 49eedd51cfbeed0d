import { createStaffUser, createTaxRate, type Role } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generalAdmission } from '../testing/engine-fixtures';
import { setupApiTest, type ApiTest } from '../testing/api-test';

let t: ApiTest;
let a: Awaited<ReturnType<typeof generalAdmission>> & { staff: Record<Role, string> };
let b: { orgId: string; owner: string; taxRateId: string };

const ROLES: Role[] = ['owner', 'manager', 'agent', 'checkin', 'auditor'];

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
  const ga = await generalAdmission(t.db);
  const staff = {} as Record<Role, string>;
  for (const role of ROLES)
    staff[role] = (await createStaffUser(t.db, { org: ga.org, role })).user.id;
  a = { ...ga, staff };
  const other = await generalAdmission(t.db);
  b = {
    orgId: other.org.id,
    owner: (await createStaffUser(t.db, { org: other.org, role: 'owner' })).user.id,
    taxRateId: (await createTaxRate(t.db, { org: other.org })).id,
  };
});
afterAll(() => t.close());

const as = (role: Role) => t.caller({ userId: a.staff[role], orgId: a.org.id });

const valid = {
  name: 'Harbour Arts',
  contactEmail: 'Box-Office@Harbour.test',
  timeZone: 'America/New_York',
  currency: 'USD',
  holdMinutes: 15,
  defaultTaxRateId: null,
};

const orgRow = () =>
  t.db.selectFrom('orgs').selectAll().where('id', '=', a.org.id).executeTakeFirstOrThrow();

describe('staff.settings', () => {
  it('shows the profile and its tax rates to owners, managers and auditors only', async () => {
    const rate = await createTaxRate(t.db, { org: a.org, name: 'VAT 20 %' });
    for (const role of ['owner', 'manager', 'auditor'] as const) {
      const profile = await (await as(role)).staff.settings.profile();
      expect(profile).toMatchObject({ id: a.org.id, name: a.org.name, holdMinutes: 10 });
      expect(profile.taxRates.map((r) => r.id)).toContain(rate.id);
      expect(profile.taxRates.map((r) => r.id)).not.toContain(b.taxRateId);
    }
    for (const role of ['agent', 'checkin'] as const)
      await expect((await as(role)).staff.settings.profile()).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
  });

  it('lets owners and managers save it, audits what changed, and refuses the other roles', async () => {
    for (const role of ['agent', 'checkin', 'auditor'] as const)
      await expect((await as(role)).staff.settings.updateProfile(valid)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    const before = await orgRow();

    const saved = await (await as('manager')).staff.settings.updateProfile(valid);
    expect(saved).toMatchObject({ ...valid, contactEmail: 'box-office@harbour.test' });
    const rate = await createTaxRate(t.db, { org: a.org, name: 'Reduced', rateBasisPoints: 550 });
    await (await as('owner')).staff.settings.updateProfile({ ...valid, defaultTaxRateId: rate.id });
    expect(await orgRow()).toMatchObject({ defaultTaxRateId: rate.id, currency: 'USD' });

    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId', 'changes'])
      .where('entityType', '=', 'org')
      .where('entityId', '=', a.org.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'org.updated',
        actorUserId: a.staff.manager,
        changes: {
          name: { from: before.name, to: 'Harbour Arts' },
          contactEmail: { from: null, to: 'box-office@harbour.test' },
          timeZone: { from: before.timeZone, to: 'America/New_York' },
          currency: { from: before.currency, to: 'USD' },
          holdMinutes: { from: 10, to: 15 },
        },
      },
      {
        action: 'org.updated',
        actorUserId: a.staff.owner,
        changes: { defaultTaxRateId: { from: null, to: rate.id } },
      },
    ]);
  });

  it('refuses bad values field by field, and another org tax rate, changing nothing', async () => {
    const before = await orgRow();
    const owner = await as('owner');
    const { status, body } = await t.http(
      'staff.settings.updateProfile',
      {
        name: ' ',
        contactEmail: 'not-an-email',
        timeZone: 'Mars/Olympus_Mons',
        currency: 'eur',
        holdMinutes: 0,
        defaultTaxRateId: 'nope',
      },
      { userId: a.staff.owner, orgId: a.org.id },
    );
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({
      name: ['Enter a name'],
      contactEmail: ['Enter a valid email address'],
      timeZone: ['Choose an IANA time zone such as Europe/Paris'],
      currency: ['Use a three-letter currency code such as EUR'],
      holdMinutes: ['Use at least 1 minute'],
      defaultTaxRateId: ['Choose one of the tax rates'],
    });
    await expect(
      owner.staff.settings.updateProfile({ ...valid, holdMinutes: 121 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      owner.staff.settings.updateProfile({
        ...valid,
        name: 'Taken over',
        defaultTaxRateId: b.taxRateId,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await orgRow()).toEqual(before);
  });

  it('changes only the caller org: the org header cannot pick an org they do not work for', async () => {
    const before = await t.db
      .selectFrom('orgs')
      .selectAll()
      .where('id', '=', b.orgId)
      .executeTakeFirstOrThrow();
    const intruder = await t.caller({ userId: a.staff.owner, orgId: b.orgId });
    await expect(intruder.staff.settings.updateProfile(valid)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(intruder.staff.settings.profile()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await t.db.selectFrom('orgs').selectAll().where('id', '=', b.orgId).executeTakeFirstOrThrow(),
    ).toEqual(before);
  });

  it('gives the next hold the new hold time, and new offerings the default tax rate', async () => {
    const owner = await as('owner');
    const buyer = await t.caller({ engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } });
    const holdFor = async () => {
      const hold = await buyer.holds.create({
        occurrenceId: a.occurrence.id,
        tickets: [{ ticketTypeId: a.ticketType.id, quantity: 1 }],
      });
      return (hold.expiresAt.getTime() - Date.now()) / 60_000;
    };
    await owner.staff.settings.updateProfile({ ...valid, holdMinutes: 5 });
    const short = await holdFor();
    expect(short).toBeGreaterThan(4.5);
    expect(short).toBeLessThanOrEqual(5);
    await owner.staff.settings.updateProfile({ ...valid, holdMinutes: 45 });
    const long = await holdFor();
    expect(long).toBeGreaterThan(44.5);
    expect(long).toBeLessThanOrEqual(45);

    const rate = await createTaxRate(t.db, { org: a.org, name: 'Culture', rateBasisPoints: 700 });
    await owner.staff.settings.updateProfile({ ...valid, defaultTaxRateId: rate.id });
    const offering = await owner.staff.catalog.createOffering({
      kind: 'event',
      name: 'Taxed by default',
      slug: 'taxed-by-default',
      currency: 'USD',
    });
    const row = await t.db
      .selectFrom('offerings')
      .select('taxRateId')
      .where('id', '=', offering.id)
      .executeTakeFirstOrThrow();
    expect(row.taxRateId).toBe(rate.id);
  });
});
