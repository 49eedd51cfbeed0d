import { createStaffUser, createUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { generalAdmission } from '../testing/engine-fixtures';

let t: ApiTest;
type Role = 'owner' | 'manager' | 'agent' | 'checkin' | 'auditor';
let a: { orgId: string; occurrenceId: string; ticketTypeId: string; staff: Record<Role, string> };
let otherOwner: string;
let apiKeyId: string;

const as = (userId: string) => t.caller({ userId });

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
  const ga = await generalAdmission(t.db, { quota: 10 });
  const staff = {} as Record<Role, string>;
  for (const role of ['owner', 'manager', 'agent', 'checkin', 'auditor'] as const)
    staff[role] = (await createStaffUser(t.db, { org: ga.org, role })).user.id;
  a = { orgId: ga.org.id, occurrenceId: ga.occurrence.id, ticketTypeId: ga.ticketType.id, staff };
  otherOwner = (
    await createStaffUser(t.db, { org: (await generalAdmission(t.db)).org, role: 'owner' })
  ).user.id;

  // Real mutations, each audited where it happens: staff's and an API key's.
  const owner = await as(staff.owner);
  const { apiKey, key } = await owner.staff.apiKeys.create({
    name: 'Partner feed',
    scopes: ['bookings:write'],
  });
  apiKeyId = apiKey.id;
  await (
    await as(staff.manager)
  ).staff.webhooks.create({ url: 'https://hooks.example.test/audit' });
  const partner = await t.caller({
    headers: { authorization: `Bearer ${key}` },
    engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 },
  });
  await partner.holds.create({
    occurrenceId: ga.occurrence.id,
    tickets: [{ ticketTypeId: ga.ticketType.id, quantity: 1 }],
  });
  // The other org's own entry, never shown here.
  await (await as(otherOwner)).staff.webhooks.create({ url: 'https://hooks.example.test/other' });
});

afterAll(() => t.close());

describe('staff.audit.list', () => {
  it('lists every mutation newest first with its actor (user or API key), entity and change', async () => {
    const { timeZone, items, nextCursor } = await (await as(a.staff.auditor)).staff.audit.list({});
    expect(timeZone).toBe('Europe/Paris');
    expect(nextCursor).toBeNull();
    expect(items.map((entry) => [entry.action, entry.actor.kind, entry.entityType])).toEqual([
      ['api.holds.create', 'apiKey', 'api_key'],
      ['webhook_endpoint.created', 'user', 'webhook_endpoint'],
      ['api_key.created', 'user', 'api_key'],
    ]);
    expect(items[0]?.actor).toMatchObject({ filter: `key:${apiKeyId}` });
    expect(items[1]?.actor.filter).toBe(`user:${a.staff.manager}`);
    expect(items[1]?.changes).toMatchObject({ url: 'https://hooks.example.test/audit' });
  });

  it('filters by actor, entity type and local days in the org zone', async () => {
    const auditor = await as(a.staff.auditor);
    const byKey = await auditor.staff.audit.list({ actor: `key:${apiKeyId}` });
    expect(byKey.items.map((entry) => entry.action)).toEqual(['api.holds.create']);
    const byManager = await auditor.staff.audit.list({ actor: `user:${a.staff.manager}` });
    expect(byManager.items.map((entry) => entry.action)).toEqual(['webhook_endpoint.created']);
    const keys = await auditor.staff.audit.list({ entityType: 'api_key' });
    expect(keys.items.map((entry) => entry.action)).toEqual([
      'api.holds.create',
      'api_key.created',
    ]);

    // 23:30 on 1 March in Paris is 22:30 UTC: it belongs to 1 March there, not 2 March.
    await t.db
      .insertInto('auditLog')
      .values({
        orgId: a.orgId,
        actorUserId: a.staff.owner,
        actorLabel: 'owner@example.test',
        action: 'venue.created',
        entityType: 'venue',
        entityId: 'late-night',
        changes: JSON.stringify({ name: 'Late hall' }),
        createdAt: new Date('2026-03-01T22:30:00Z'),
      })
      .execute();
    const firstOfMarch = await auditor.staff.audit.list({ from: '2026-03-01', to: '2026-03-01' });
    expect(firstOfMarch.items.map((entry) => entry.entityId)).toEqual(['late-night']);
    const secondOfMarch = await auditor.staff.audit.list({ from: '2026-03-02', to: '2026-03-02' });
    expect(secondOfMarch.items).toEqual([]);
  });

  it('pages with a cursor, each entry once', async () => {
    const owner = await as(a.staff.owner);
    const all = await owner.staff.audit.list({ limit: 100 });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await owner.staff.audit.list({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((entry) => entry.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((entry) => entry.id));
    expect(seen.length).toBeGreaterThan(2);
  });

  it("shows another org's staff none of this org's entries", async () => {
    const other = await (await as(otherOwner)).staff.audit.list({});
    expect(other.items.map((entry) => entry.changes)).toEqual([
      expect.objectContaining({ url: 'https://hooks.example.test/other' }),
    ]);
    // An actor of this org as a filter finds nothing there.
    const filtered = await (await as(otherOwner)).staff.audit.list({ actor: `key:${apiKeyId}` });
    expect(filtered.items).toEqual([]);
    // A cursor naming this org's entry does not open this org's log either.
    const mine = await (await as(a.staff.owner)).staff.audit.list({ limit: 1 });
    const next = await (
      await as(otherOwner)
    ).staff.audit.list({ cursor: mine.nextCursor ?? undefined });
    expect(next.items).toEqual([]);
  });

  it('refuses roles without audit access, and bad filters with readable messages', async () => {
    for (const role of ['agent', 'checkin'] as const) {
      const caller = await as(a.staff[role]);
      await expect(caller.staff.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller.staff.audit.filters()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(
      (await as((await createUser(t.db)).id)).staff.audit.list({}),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const refused = async (input: unknown) => {
      const { status, body } = await t.http('staff.audit.list', input, {
        userId: a.staff.owner,
        method: 'GET',
      });
      expect(status).toBe(400);
      return body.error?.json.data.fieldErrors;
    };
    expect(await refused({ actor: 'someone', entityType: 'DROP TABLE' })).toEqual({
      actor: ['Choose someone from the list'],
      entityType: ['Choose an entity type from the list'],
    });
    expect(await refused({ from: '2026-03-05', to: '2026-03-01' })).toEqual({
      to: ['The first day must not be after the last'],
    });
    await expect(
      (await as(a.staff.owner)).staff.audit.list({ cursor: 'not-a-cursor' }),
    ).rejects.toMatchObject({ message: 'This page link is not valid: search again.' });
  });
});

describe('staff.audit.filters', () => {
  it("offers the org's actors and entity types only", async () => {
    const filters = await (await as(a.staff.manager)).staff.audit.filters();
    expect(filters.entityTypes).toEqual(['api_key', 'venue', 'webhook_endpoint']);
    expect(filters.actors.map((actor) => [actor.kind, actor.filter])).toEqual(
      expect.arrayContaining([
        ['apiKey', `key:${apiKeyId}`],
        ['user', `user:${a.staff.owner}`],
        ['user', `user:${a.staff.manager}`],
      ]),
    );
    expect(filters.actors).toHaveLength(3);
  });
});
