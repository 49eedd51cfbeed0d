import { createHash } from 'node:crypto';
import { createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generalAdmission } from '../testing/engine-fixtures';
import { setupApiTest, type ApiTest } from '../testing/api-test';

let t: ApiTest;
let a: {
  orgId: string;
  offeringId: string;
  owner: string;
  manager: string;
  occurrenceId: string;
  ticketTypeId: string;
};
let b: { orgId: string; owner: string };

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
  const ga = await generalAdmission(t.db);
  a = {
    orgId: ga.org.id,
    offeringId: ga.offering.id,
    owner: (await createStaffUser(t.db, { org: ga.org, role: 'owner' })).user.id,
    manager: (await createStaffUser(t.db, { org: ga.org, role: 'manager' })).user.id,
    occurrenceId: ga.occurrence.id,
    ticketTypeId: ga.ticketType.id,
  };
  const other = await generalAdmission(t.db);
  b = {
    orgId: other.org.id,
    owner: (await createStaffUser(t.db, { org: other.org, role: 'owner' })).user.id,
  };
});
afterAll(() => t.close());

const staff = (userId: string, orgId: string) => t.caller({ userId, orgId });
const withKey = (key: string, orgId?: string) =>
  t.caller({ headers: { authorization: `Bearer ${key}` }, orgId });

async function newKey(
  scopes: ('catalog:read' | 'bookings:write' | 'admin:read')[],
  org: { orgId: string; owner: string } = a,
) {
  return (await staff(org.owner, org.orgId)).staff.apiKeys.create({ name: 'Kiosk', scopes });
}

describe('staff.apiKeys', () => {
  it('shows a new key once, stores only its SHA-256 and a display prefix, and audits it', async () => {
    const { apiKey, key } = await newKey(['catalog:read', 'catalog:read', 'bookings:write']);
    expect(key).toMatch(/^tk_live_[\w-]{32}$/);
    expect(apiKey).toMatchObject({
      prefix: key.slice(0, 16),
      scopes: ['catalog:read', 'bookings:write'],
    });
    const row = await t.db
      .selectFrom('apiKeys')
      .selectAll()
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    expect(row.keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(key);

    const listed = await (await staff(a.owner, a.orgId)).staff.apiKeys.list();
    expect(listed.map((k) => k.id)).toContain(apiKey.id);
    expect(JSON.stringify(listed)).not.toContain(key);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId'])
      .where('entityId', '=', apiKey.id)
      .execute();
    expect(audit).toEqual([{ action: 'api_key.created', actorUserId: a.owner }]);
  });

  it('is for owners only, and refuses bad input without creating anything', async () => {
    const manager = await staff(a.manager, a.orgId);
    await expect(manager.staff.apiKeys.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      manager.staff.apiKeys.create({ name: 'x', scopes: ['catalog:read'] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const before = await t.db.selectFrom('apiKeys').select('id').execute();
    const { status, body } = await t.http(
      'staff.apiKeys.create',
      { name: ' ', scopes: [] },
      { userId: a.owner, orgId: a.orgId },
    );
    expect(status).toBe(400);
    expect(body.error?.json.message).toBe(
      'Invalid input: name: Give the key a name; scopes: Choose at least one scope',
    );
    expect(await t.db.selectFrom('apiKeys').select('id').execute()).toHaveLength(before.length);
  });

  it('records the last use at most once a minute', async () => {
    const { apiKey, key } = await newKey(['catalog:read']);
    await (await withKey(key)).developer.whoami();
    const first = await t.db
      .selectFrom('apiKeys')
      .select('lastUsedAt')
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    expect(first.lastUsedAt).toBeInstanceOf(Date);
    await (await withKey(key)).developer.whoami();
    const second = await t.db
      .selectFrom('apiKeys')
      .select('lastUsedAt')
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    expect(second.lastUsedAt).toEqual(first.lastUsedAt);
  });

  it('refuses a revoked key from its next call on; another org cannot revoke it', async () => {
    const { apiKey, key } = await newKey(['catalog:read']);
    await expect(
      (await staff(b.owner, b.orgId)).staff.apiKeys.revoke({ apiKeyId: apiKey.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await (await withKey(key)).developer.whoami();

    const revoked = await (
      await staff(a.owner, a.orgId)
    ).staff.apiKeys.revoke({
      apiKeyId: apiKey.id,
    });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await expect(withKey(key)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'This API key is not valid or has been revoked.',
    });
  });

  it('acts only in its own org (the org header cannot widen it) and only within its scopes', async () => {
    const { key } = await newKey(['catalog:read'], b);
    const api = await withKey(key, a.orgId);
    expect((await api.developer.whoami()).org.id).toBe(b.orgId);
    // Without admin scopes a key opens no staff procedure (staff-api-keys-admin tests the rest).
    await expect(api.staff.apiKeys.list()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This API key lacks the admin:read scope.',
    });
    const { key: narrow } = await newKey(['admin:read']);
    await expect((await withKey(narrow)).developer.whoami()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This API key lacks the catalog:read scope.',
    });
  });

  it('reads the catalog with catalog:read and books only with bookings:write, changing nothing otherwise', async () => {
    const hold = {
      occurrenceId: a.occurrenceId,
      tickets: [{ ticketTypeId: a.ticketTypeId, quantity: 1 }],
    };
    const reader = await withKey((await newKey(['catalog:read'])).key);
    expect((await reader.availability.occurrence({ occurrenceId: a.occurrenceId })).remaining).toBe(
      50,
    );
    await expect(reader.holds.create(hold)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This API key lacks the bookings:write scope.',
    });
    const booker = await withKey((await newKey(['bookings:write'])).key);
    await expect(booker.catalog.occurrences({ offeringId: a.offeringId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This API key lacks the catalog:read scope.',
    });
    expect((await reader.availability.occurrence({ occurrenceId: a.occurrenceId })).remaining).toBe(
      50,
    );
    await booker.holds.create(hold);
    expect((await reader.availability.occurrence({ occurrenceId: a.occurrenceId })).remaining).toBe(
      49,
    );
  });

  it('writes every call made with a key, reads and refusals included, to the audit log under the key', async () => {
    const { apiKey, key } = await newKey(['catalog:read', 'bookings:write']);
    const api = await withKey(key);
    const hold = await api.holds.create({
      occurrenceId: a.occurrenceId,
      tickets: [{ ticketTypeId: a.ticketTypeId, quantity: 1 }],
    });
    await api.holds.get({ holdId: hold.holdId });
    await expect(api.holds.get({ holdId: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['orgId', 'action', 'changes', 'actorApiKeyId', 'actorUserId', 'actorLabel'])
      .where('actorApiKeyId', '=', apiKey.id)
      .orderBy('id')
      .execute();
    const byKey = {
      orgId: a.orgId,
      actorApiKeyId: apiKey.id,
      actorUserId: null,
      actorLabel: `API key Kiosk (${apiKey.prefix}…)`,
    };
    expect(audit).toEqual([
      { ...byKey, action: 'api.holds.create', changes: { type: 'mutation', outcome: 'ok' } },
      { ...byKey, action: 'api.holds.get', changes: { type: 'query', outcome: 'ok' } },
      { ...byKey, action: 'api.holds.get', changes: { type: 'query', outcome: 'NOT_FOUND' } },
    ]);
  });

  it("answers 429 with Retry-After once a key's calls per minute are spent", async () => {
    const { key } = await newKey(['catalog:read']);
    const as = { headers: { authorization: `Bearer ${key}` }, engine: { apiKeyCallsPerMinute: 2 } };
    for (let call = 0; call < 2; call++)
      expect((await t.http('developer.whoami', undefined, { ...as, method: 'GET' })).status).toBe(
        200,
      );
    const refused = await t.http('developer.whoami', undefined, { ...as, method: 'GET' });
    expect(refused.status).toBe(429);
    expect(refused.body.error?.json.data.appCode).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });
});
