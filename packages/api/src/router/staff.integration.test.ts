import {
  createOccurrence,
  createOffering,
  createOrg,
  createStaffUser,
  createUser,
  createVenue,
} from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';

let t: ApiTest;
let orgA: { id: string };
let orgB: { id: string };
let ownerA: string;
let auditorA: string;
let ownerB: string;
let customer: string;
let occurrenceA: string;
let occurrenceB: string;

beforeAll(async () => {
  t = await setupApiTest();
  const inOrg = async (name: string) => {
    const org = await createOrg(t.db, { name });
    const venue = await createVenue(t.db, {
      org,
      name: `${name} Hall`,
      timeZone: 'Africa/Algiers',
    });
    const offering = await createOffering(t.db, { org, venue, name: `${name} Concert` });
    const occurrence = await createOccurrence(t.db, { offering, capacity: 80 });
    return { org, occurrence };
  };
  const a = await inOrg('Alpha');
  const b = await inOrg('Beta');
  orgA = a.org;
  orgB = b.org;
  occurrenceA = a.occurrence.id;
  occurrenceB = b.occurrence.id;
  ownerA = (await createStaffUser(t.db, { org: orgA, role: 'owner' })).user.id;
  auditorA = (await createStaffUser(t.db, { org: orgA, role: 'auditor' })).user.id;
  ownerB = (await createStaffUser(t.db, { org: orgB, role: 'owner' })).user.id;
  customer = (await createUser(t.db)).id;
});
afterAll(() => t.close());

describe('staff.occurrences.upcoming', () => {
  it("lists the staff member's own org, in its venue's zone, and nothing of another org", async () => {
    const { items } = await (await t.caller({ userId: ownerA })).staff.occurrences.upcoming({});
    expect(items.map((item) => item.id)).toEqual([occurrenceA]);
    expect(items[0]).toMatchObject({
      timeZone: 'Africa/Algiers',
      capacity: 80,
      taken: 0,
      remaining: 80,
    });
  });

  it('is readable by an auditor (read-only role)', async () => {
    const { items } = await (await t.caller({ userId: auditorA })).staff.occurrences.upcoming({});
    expect(items.map((item) => item.id)).toEqual([occurrenceA]);
  });

  it("refuses a staff member who asks for another org's data", async () => {
    const api = await t.caller({ userId: ownerA, orgId: orgB.id });
    await expect(api.staff.occurrences.upcoming({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { items } = await (await t.caller({ userId: ownerB })).staff.occurrences.upcoming({});
    expect(items.map((item) => item.id)).toEqual([occurrenceB]);
  });

  it('refuses a customer and asks a guest to sign in', async () => {
    await expect(
      (await t.caller({ userId: customer })).staff.occurrences.upcoming({}),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This is only available to operator staff.',
    });
    await expect((await t.caller()).staff.occurrences.upcoming({})).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('lets a platform superadmin act in any org it names', async () => {
    const superadmin = await createUser(t.db, { superadmin: true });
    const { items } = await (
      await t.caller({ userId: superadmin.id, orgId: orgB.id })
    ).staff.occurrences.upcoming({});
    expect(items.map((item) => item.id)).toEqual([occurrenceB]);
  });

  it('answers bad input readably over HTTP', async () => {
    const { status, body } = await t.http(
      'staff.occurrences.upcoming',
      { limit: 0 },
      { userId: ownerA, method: 'GET' },
    );
    expect(status).toBe(400);
    expect(body.error?.json.message).toBe(
      'Invalid input: limit: Too small: expected number to be >=1',
    );
  });
});

describe('staff.orgs', () => {
  it("lists a staff member's orgs with the role, and none for a customer", async () => {
    expect(await (await t.caller({ userId: ownerA })).staff.orgs()).toEqual([
      expect.objectContaining({ id: orgA.id, name: 'Alpha', role: 'owner' }),
    ]);
    expect(await (await t.caller({ userId: customer })).staff.orgs()).toEqual([]);
  });
});

describe('API keys', () => {
  it('refuses an unknown key outright instead of treating the call as a guest', async () => {
    const { status, body } = await t.http(
      'catalog.offerings',
      {},
      { method: 'GET', headers: { authorization: 'Bearer tk_nope' } },
    );
    expect(status).toBe(401);
    expect(body.error?.json.message).toBe('This API key is not valid or has been revoked.');
  });
});
