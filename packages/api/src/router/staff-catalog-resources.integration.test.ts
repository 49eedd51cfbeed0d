import { createOrg, createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';

let t: ApiTest;
let a: { orgId: string; owner: string; agent: string; auditor: string };
let otherOwner: string;

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
  const org = await createOrg(t.db);
  const role = async (name: 'owner' | 'agent' | 'auditor') =>
    (await createStaffUser(t.db, { org, role: name })).user.id;
  a = {
    orgId: org.id,
    owner: await role('owner'),
    agent: await role('agent'),
    auditor: await role('auditor'),
  };
  otherOwner = (await createStaffUser(t.db, { org: await createOrg(t.db), role: 'owner' })).user.id;
});

afterAll(() => t.close());

const as = (userId: string) => t.caller({ userId });

const hours = (resourceId: string) => ({
  resourceId,
  // Weekdays 09:00-12:00 and 14:00-18:00; Saturday mornings.
  weekly: [1, 2, 3, 4, 5]
    .flatMap((weekday) => [
      { weekday, opensAt: '09:00', closesAt: '12:00' },
      { weekday, opensAt: '14:00', closesAt: '18:00' },
    ])
    .concat([{ weekday: 6, opensAt: '10:00', closesAt: '13:00' }]),
  overrides: [
    { onDate: '2026-10-27', closed: true as const },
    { onDate: '2026-10-28', opensAt: '07:00', closesAt: '08:30' },
  ],
});

describe('staff.catalog resources', () => {
  it("previews each day's opening in the resource's zone across the end of summer time, overrides applied", async () => {
    const owner = await as(a.owner);
    const court = await owner.staff.catalog.createResource({
      name: 'Court 1',
      kind: 'court',
      timeZone: 'Europe/Paris',
    });
    expect(await owner.staff.catalog.setResourceHours(hours(court.id))).toEqual({ rules: 13 });
    const preview = await (
      await as(a.auditor)
    ).staff.catalog.previewResourceHours({ resourceId: court.id, from: '2026-10-23', days: 6 });
    const iso = (day: string) =>
      preview.days
        .find((entry) => entry.date === day)
        ?.open.map((o) => [o.start.toISOString(), o.end.toISOString()]);
    // Friday in summer time (UTC+2), Monday after the change (UTC+1).
    expect(iso('2026-10-23')).toEqual([
      ['2026-10-23T07:00:00.000Z', '2026-10-23T10:00:00.000Z'],
      ['2026-10-23T12:00:00.000Z', '2026-10-23T16:00:00.000Z'],
    ]);
    expect(iso('2026-10-24')).toEqual([['2026-10-24T08:00:00.000Z', '2026-10-24T11:00:00.000Z']]);
    expect(iso('2026-10-25')).toEqual([]);
    expect(iso('2026-10-26')).toEqual([
      ['2026-10-26T08:00:00.000Z', '2026-10-26T11:00:00.000Z'],
      ['2026-10-26T13:00:00.000Z', '2026-10-26T17:00:00.000Z'],
    ]);
    expect(iso('2026-10-27')).toEqual([]);
    expect(iso('2026-10-28')).toEqual([['2026-10-28T06:00:00.000Z', '2026-10-28T07:30:00.000Z']]);

    // Setting hours again replaces them whole.
    await owner.staff.catalog.setResourceHours({ resourceId: court.id, weekly: [] });
    const closed = await owner.staff.catalog.previewResourceHours({
      resourceId: court.id,
      from: '2026-10-23',
      days: 3,
    });
    expect(closed.days.flatMap((day) => day.open)).toEqual([]);
    const audit = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', court.id)
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'resource.created',
      'resource.hours_set',
      'resource.hours_set',
    ]);
  });

  it('refuses hours that close before they open, under the field, and keeps the old ones', async () => {
    const owner = await as(a.owner);
    const room = await owner.staff.catalog.createResource({
      name: 'Room A',
      kind: 'room',
      timeZone: 'Europe/Paris',
    });
    await owner.staff.catalog.setResourceHours({
      resourceId: room.id,
      weekly: [{ weekday: 1, opensAt: '09:00', closesAt: '17:00' }],
    });
    const { status, body } = await t.http(
      'staff.catalog.setResourceHours',
      { resourceId: room.id, weekly: [{ weekday: 2, opensAt: '18:00', closesAt: '09:00' }] },
      { userId: a.owner },
    );
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({
      'weekly.0.closesAt': ['Closes after it opens'],
    });
    const rules = await t.db
      .selectFrom('availabilityRules')
      .select('weekday')
      .where('resourceId', '=', room.id)
      .execute();
    expect(rules).toEqual([{ weekday: 1 }]);
  });

  it("is refused to roles without catalog:write, and NOT_FOUND for another org's resource", async () => {
    const owner = await as(a.owner);
    const court = await owner.staff.catalog.createResource({
      name: 'Court 2',
      kind: 'court',
      timeZone: 'Europe/Paris',
    });
    const agent = await as(a.agent);
    await expect(
      agent.staff.catalog.createResource({ name: 'X', kind: 'room', timeZone: 'UTC' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.staff.catalog.setResourceHours(hours(court.id))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const other = await as(otherOwner);
    await expect(other.staff.catalog.setResourceHours(hours(court.id))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      other.staff.catalog.previewResourceHours({
        resourceId: court.id,
        from: '2026-10-23',
        days: 1,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await other.staff.catalog.resources()).toEqual([]);
    expect(
      await t.db
        .selectFrom('availabilityRules')
        .select('id')
        .where('resourceId', '=', court.id)
        .execute(),
    ).toEqual([]);
  });
});
