import { randomUUID } from 'node:crypto';
import { createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyScope } from '../trpc';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at, seatedOccurrence } from '../testing/engine-fixtures';

let t: ApiTest;
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
});
afterAll(() => t.close());

/** A concert of one org with its owner, who books (paid at the venue) and issues keys. */
async function org() {
  const fixture = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 6 });
  const owner = (await createStaffUser(t.db, { org: fixture.org, role: 'owner' })).user.id;
  const asOwner = () => t.caller({ userId: owner, orgId: fixture.org.id });
  let nextSeat = 0;
  async function book(email: string) {
    const customer = await t.caller(noLimits);
    const hold = await customer.holds.create({
      occurrenceId: fixture.occurrence.id,
      seatIds: [at(fixture.seats, nextSeat++).id],
    });
    const { reference } = await customer.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: `key-${randomUUID()}`,
      contact: { name: 'Key Test', email },
    });
    await (await asOwner()).staff.bookings.markPaid({ reference });
    return reference;
  }
  async function issueKey(scopes: ApiKeyScope[]) {
    return (await asOwner()).staff.apiKeys.create({ name: 'Back office', scopes });
  }
  return { ...fixture, asOwner, book, issueKey };
}

const withKey = (key: string, orgId?: string) =>
  t.caller({ headers: { authorization: `Bearer ${key}` }, orgId });

async function bookingStatus(reference: string) {
  const row = await t.db
    .selectFrom('bookings')
    .select('status')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return row.status;
}

describe('staff procedures with an API key (admin:read / admin:write)', () => {
  it('admin:read reads the bookings, catalog and reports of its org, and changes nothing', async () => {
    const a = await org();
    const reference = await a.book('reader@example.test');
    const { key } = await a.issueKey(['admin:read']);
    const api = await withKey(key);

    const found = await api.staff.bookings.search({ query: reference });
    expect(found.items.map((row) => row.reference)).toEqual([reference]);
    expect(await api.staff.bookings.detail({ reference })).toMatchObject({
      reference,
      status: 'confirmed',
    });
    const upcoming = await api.staff.occurrences.upcoming({});
    expect(upcoming.items.map((item) => item.id)).toEqual([a.occurrence.id]);
    const report = await api.staff.reports.sales({});
    expect(report.revenueByDay.reduce((sum, day) => sum + day.bookings, 0)).toBe(1);

    const refused = (permission: string) => ({
      code: 'FORBIDDEN',
      message: `This API key's scopes (admin:read) do not allow this (${permission}).`,
    });
    await expect(api.staff.bookings.cancel({ reference })).rejects.toMatchObject(
      refused('bookings:write'),
    );
    await expect(api.staff.bookings.addNote({ reference, note: 'Not mine' })).rejects.toMatchObject(
      refused('bookings:write'),
    );
    await expect(
      api.staff.refunds.create({ reference, idempotencyKey: `refund-${randomUUID()}` }),
    ).rejects.toMatchObject(refused('payments:refund'));
    expect(await bookingStatus(reference)).toBe('confirmed');
    const keyRows = await t.db
      .selectFrom('auditLog')
      .select(['entityType', 'changes'])
      .where('orgId', '=', a.org.id)
      .where('actorApiKeyId', 'is not', null)
      .execute();
    // Every call is attributed to the key, and none of them changed anything.
    expect(keyRows.length).toBeGreaterThan(0);
    expect(keyRows.filter((row) => row.entityType !== 'api_key')).toEqual([]);
  });

  it('admin:write cancels and refunds in its org, each change audited under the key', async () => {
    const a = await org();
    const reference = await a.book('writer@example.test');
    const { apiKey, key } = await a.issueKey(['admin:write']);
    const api = await withKey(key);

    expect(await api.staff.bookings.cancel({ reference, refundAmount: 1000 })).toMatchObject({
      refundAmount: 1000,
    });
    expect(await bookingStatus(reference)).toBe('cancelled');
    const refunds = await t.db
      .selectFrom('refunds')
      .innerJoin('bookings', 'bookings.id', 'refunds.bookingId')
      .select(['refunds.amount', 'refunds.requestedBy'])
      .where('bookings.reference', '=', reference)
      .execute();
    expect(refunds).toEqual([{ amount: 1000, requestedBy: null }]);

    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId', 'actorApiKeyId', 'actorLabel'])
      .where('orgId', '=', a.org.id)
      .where('actorUserId', 'is', null)
      .orderBy('id')
      .execute();
    const byKey = { actorUserId: null, actorApiKeyId: apiKey.id };
    const label = `API key Back office (${apiKey.prefix}…)`;
    expect(audit).toEqual([
      { action: 'booking.cancelled', ...byKey, actorLabel: label },
      { action: 'api.staff.bookings.cancel', ...byKey, actorLabel: label },
    ]);

    // Owner-only procedures stay closed: a key never manages keys, staff or settings.
    await expect(api.staff.apiKeys.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      api.staff.apiKeys.create({ name: 'x', scopes: ['admin:write'] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("a key of another org sees none of this org's bookings, even naming the org", async () => {
    const a = await org();
    const reference = await a.book('private@example.test');
    const b = await org();
    const { key } = await b.issueKey(['admin:write']);
    const api = await withKey(key, a.org.id);

    expect((await api.staff.bookings.search({ query: reference })).items).toEqual([]);
    await expect(api.staff.bookings.detail({ reference })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(api.staff.bookings.cancel({ reference })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const upcoming = await api.staff.occurrences.upcoming({});
    expect(upcoming.items.map((item) => item.id)).toEqual([b.occurrence.id]);
    expect(await bookingStatus(reference)).toBe('confirmed');
  });

  it('refuses a revoked key, and a key without admin scopes', async () => {
    const a = await org();
    const reference = await a.book('refused@example.test');
    const { apiKey, key } = await a.issueKey(['admin:write']);
    await (await withKey(key)).staff.bookings.detail({ reference });
    await (await a.asOwner()).staff.apiKeys.revoke({ apiKeyId: apiKey.id });
    await expect(withKey(key)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    const { key: publicKey } = await a.issueKey(['catalog:read', 'bookings:write']);
    const api = await withKey(publicKey);
    for (const call of [
      () => api.staff.bookings.search({}),
      () => api.staff.bookings.detail({ reference }),
      () => api.staff.bookings.cancel({ reference }),
    ])
      await expect(call()).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'This API key lacks the admin:read scope.',
      });
    // The person-only procedures stay for people.
    await expect(api.staff.orgs()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
