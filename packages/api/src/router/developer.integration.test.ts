import { createHash, randomBytes } from 'node:crypto';
import { createOrg } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import type { ApiKeyScope } from '../trpc';

let t: ApiTest;
let org: { id: string; slug: string };

/** Inserts a key as the console will: only its SHA-256 is stored. */
async function issueKey(scopes: ApiKeyScope[], revoked = false) {
  const key = `tk_${randomBytes(24).toString('base64url')}`;
  await t.db
    .insertInto('apiKeys')
    .values({
      orgId: org.id,
      name: 'test key',
      prefix: key.slice(0, 8),
      keyHash: createHash('sha256').update(key).digest('hex'),
      scopes,
      revokedAt: revoked ? new Date() : null,
    })
    .execute();
  return { authorization: `Bearer ${key}` };
}

beforeAll(async () => {
  t = await setupApiTest();
  org = await createOrg(t.db, { name: 'Key Org' });
});
afterAll(() => t.close());

describe('developer.whoami (apiKeyProcedure)', () => {
  it("names the key's org and scopes", async () => {
    const api = await t.caller({ headers: await issueKey(['catalog:read', 'bookings:write']) });
    expect(await api.developer.whoami()).toEqual({
      org: { id: org.id, slug: org.slug, name: 'Key Org' },
      scopes: ['catalog:read', 'bookings:write'],
    });
  });

  it('refuses a key without the scope, a revoked key, and a call without a key', async () => {
    await expect(
      (await t.caller({ headers: await issueKey(['admin:read']) })).developer.whoami(),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This API key lacks the catalog:read scope.',
    });
    await expect(
      t.caller({ headers: await issueKey(['catalog:read'], true) }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect((await t.caller()).developer.whoami()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
