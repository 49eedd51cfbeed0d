import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOrg, createStaffUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../../testing/api-test';
import { isPrivateAddress, namesPrivateHost, privateTarget } from './addresses';
import { attemptWebhookDelivery } from './attempt';
import { createWebhookEndpoint } from './endpoints';

let t: ApiTest;
afterAll(() => t.close());
beforeAll(async () => {
  t = await setupApiTest();
});

const policy = { baseDelayMs: 100, maxDelayMs: 1_000, windowMs: 60_000 };

describe('webhook targets', () => {
  it('tells private, loopback, link-local and mapped addresses from public ones', async () => {
    for (const address of [
      '127.0.0.1',
      '10.2.3.4',
      '172.20.0.1',
      '192.168.1.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ])
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111'])
      expect([address, isPrivateAddress(address)]).toEqual([address, false]);
    expect(namesPrivateHost('http://localhost:8080/hook')).toBe(true);
    expect(namesPrivateHost('http://[::1]/hook')).toBe(true);
    expect(namesPrivateHost('https://hooks.example.com/x')).toBe(false);
    expect(await privateTarget('http://localhost/hook')).toMatch(/private address/);
    // A name that does not resolve is left to the request (which fails and is retried).
    expect(await privateTarget('https://nowhere.invalid/hook')).toBeNull();
  });

  it('refuses to save or to send to a private address unless allowed, and sends nothing', async () => {
    let received = 0;
    const receiver = createServer((_request, response) => {
      received += 1;
      response.end('ok');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    try {
      const org = await createOrg(t.db);
      const owner = (await createStaffUser(t.db, { org, role: 'owner' })).user;
      const api = await t.caller({ userId: owner.id });
      // Saving: refused when private addresses are not allowed (production's default)...
      const staff = {
        orgId: org.id,
        role: 'owner' as const,
        actor: { userId: owner.id, apiKeyId: null, label: owner.email },
      };
      const input = { url, description: '', eventTypes: [] };
      await expect(
        createWebhookEndpoint(t.db, input, staff, 'request', false),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
      // ...and accepted where they are (tests and development, as here).
      const { endpoint } = await api.staff.webhooks.create({ url });

      const delivery = await t.db
        .insertInto('webhookDeliveries')
        .values({
          orgId: org.id,
          endpointId: endpoint.id,
          eventType: 'booking.confirmed',
          payload: JSON.stringify({ reference: 'TEST01' }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const outcome = await attemptWebhookDelivery(t.db, delivery.id, policy, false);
      expect(outcome.outcome).toBe('dead');
      expect('reason' in outcome && outcome.reason).toMatch(/127\.0\.0\.1 is a private address/);
      expect(received).toBe(0);
      const row = await t.db
        .selectFrom('webhookDeliveries')
        .select(['status', 'attempts', 'responseBody'])
        .where('id', '=', delivery.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'dead', attempts: 1 });
      expect(row.responseBody).toMatch(/private address/);

      // Allowed (development, tests): delivered.
      const allowed = await t.db
        .insertInto('webhookDeliveries')
        .values({
          orgId: org.id,
          endpointId: endpoint.id,
          eventType: 'booking.confirmed',
          payload: JSON.stringify({ reference: 'TEST02' }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(await attemptWebhookDelivery(t.db, allowed.id, policy, true)).toMatchObject({
        outcome: 'succeeded',
      });
      expect(received).toBe(1);
    } finally {
      receiver.close();
    }
  });
});
