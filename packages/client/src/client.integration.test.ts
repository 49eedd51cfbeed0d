import { randomUUID } from 'node:crypto';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createStaffUser,
  createTicketType,
} from '@tessera/db/seed';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { issueApiKey, startApiServer, type ApiServer } from '../test-support/api-server';
import { createTesseraClient, type AppRouter, type RouterOutputs } from './index';

let api: ApiServer;

beforeAll(async () => {
  api = await startApiServer();
});

afterAll(() => api.close());

describe('createTesseraClient', () => {
  it('talks to a real Tessera HTTP API with dates intact', async () => {
    const org = await createOrg(api.db, { name: 'Client Org' });
    await createOffering(api.db, { org, name: 'Client Show' });
    const client = createTesseraClient({ baseUrl: api.baseUrl });

    const [health, page] = await Promise.all([
      client.health.check.query(),
      client.catalog.offerings.query({ orgSlug: org.slug }),
    ]);
    expect(health.ok).toBe(true);
    expect(page.items.map((item) => item.name)).toEqual(['Client Show']);
  });

  it('surfaces a refused API key as a typed client error', async () => {
    const client = createTesseraClient({ baseUrl: api.baseUrl, apiKey: 'tk_revoked_or_unknown' });
    const error = await client.catalog.offerings.query({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data?.httpStatus).toBe(401);
  });

  it("reaches the staff procedures with a staff key's scopes: admin:read reads, admin:write changes", async () => {
    const org = await createOrg(api.db);
    const offering = await createOffering(api.db, { org, name: 'Staff Key Show' });
    const ticketType = await createTicketType(api.db, {
      offering,
      name: 'Free',
      priceAmount: 0,
      quotaPerOccurrence: 5,
    });
    const occurrence = await createOccurrence(api.db, { offering, capacity: 5 });
    const owner = (await createStaffUser(api.db, { org, role: 'owner' })).user.id;
    const customer = createTesseraClient({ baseUrl: api.baseUrl });
    const hold = await customer.holds.create.mutate({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }],
    });
    const { reference } = await customer.bookings.checkout.mutate({
      holdId: hold.holdId,
      idempotencyKey: randomUUID(),
      contact: { name: 'Staff Key', email: 'staff-key@example.com' },
    });
    const keyWith = (scopes: ('admin:read' | 'admin:write')[]) =>
      issueApiKey(api, { orgId: org.id, ownerId: owner, scopes });

    const reader = createTesseraClient({
      baseUrl: api.baseUrl,
      apiKey: await keyWith(['admin:read']),
    });
    const detail = await reader.staff.bookings.detail.query({ reference });
    expectTypeOf(detail).toEqualTypeOf<RouterOutputs['staff']['bookings']['detail']>();
    expectTypeOf(detail.createdAt).toEqualTypeOf<Date>();
    expect(detail).toMatchObject({ reference, status: 'confirmed' });
    expect(detail.createdAt).toBeInstanceOf(Date);
    const refused = await reader.staff.bookings.cancel
      .mutate({ reference })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<AppRouter>).data?.code).toBe('FORBIDDEN');

    const writer = createTesseraClient({
      baseUrl: api.baseUrl,
      apiKey: await keyWith(['admin:write']),
    });
    expect(await writer.staff.bookings.cancel.mutate({ reference, reason: 'Test' })).toEqual({
      refundId: null,
      refundAmount: 0,
    });
    expect((await reader.staff.bookings.detail.query({ reference })).status).toBe('cancelled');
  });
});
