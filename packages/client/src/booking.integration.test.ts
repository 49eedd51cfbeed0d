import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { attemptWebhookDelivery } from '@tessera/api/domain/webhooks/attempt';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createStaffUser,
  createTicketType,
} from '@tessera/db/seed';
import { testEnv } from '@tessera/db/testing';
import { startRealtimeGateway } from '@tessera/worker/src/realtime/gateway';
import { quietLog, uniquePrefix } from '@tessera/worker/src/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey, startApiServer, type ApiServer } from '../test-support/api-server';
// The built package (dist), as an integrator imports it.
import { createTesseraClient, isTesseraError, subscribeToOccurrence } from '@tessera/client';
import type { AvailabilityEvent } from '@tessera/client';
import { verifyWebhook, WebhookVerificationError } from '@tessera/client/webhooks';

let api: ApiServer;
let baseUrl: string;

beforeAll(async () => {
  api = await startApiServer({ poolSize: 4 });
  baseUrl = api.baseUrl;
});

afterAll(() => api.close());

async function freeEvent(quota: number) {
  const org = await createOrg(api.db);
  const offering = await createOffering(api.db, { org, name: 'Open Rehearsal' });
  const ticketType = await createTicketType(api.db, {
    offering,
    name: 'Free entry',
    priceAmount: 0,
    quotaPerOccurrence: quota,
  });
  const occurrence = await createOccurrence(api.db, { offering, capacity: quota });
  const owner = await createStaffUser(api.db, { org, role: 'owner' });
  return { org, offering, ticketType, occurrence, owner };
}

const issueKey = (orgId: string, ownerId: string) =>
  issueApiKey(api, { orgId, ownerId, scopes: ['catalog:read', 'bookings:write'] });

describe('the built client against a running API', () => {
  it('books a free ticket with an API key: search, hold, check out, confirmed', async () => {
    const event = await freeEvent(10);
    const client = createTesseraClient({
      baseUrl,
      apiKey: await issueKey(event.org.id, event.owner.user.id),
    });

    const page = await client.catalog.offerings.query({ orgSlug: event.org.slug });
    expect(page.items.map((item) => item.name)).toEqual(['Open Rehearsal']);
    const hold = await client.holds.create.mutate({
      occurrenceId: event.occurrence.id,
      tickets: [{ ticketTypeId: event.ticketType.id, quantity: 2 }],
    });
    expect(hold.expiresAt).toBeInstanceOf(Date);
    const result = await client.bookings.checkout.mutate({
      holdId: hold.holdId,
      idempotencyKey: randomUUID(),
      contact: { name: 'Ada Integrator', email: 'ada@example.com' },
    });
    expect(result.status).toBe('confirmed');
    const booking = await client.bookings.byReference.query({
      reference: result.reference,
      email: 'ada@example.com',
    });
    expect(booking.status).toBe('confirmed');

    const audit = await api.db
      .selectFrom('auditLog')
      .select('action')
      .where('orgId', '=', event.org.id)
      .where('actorApiKeyId', 'is not', null)
      .orderBy('id')
      .execute();
    // Every call made with the key, reads included, in order.
    expect(audit.map((row) => row.action)).toEqual([
      'api.catalog.offerings',
      'api.holds.create',
      'api.bookings.checkout',
      'api.bookings.byReference',
    ]);
  });

  it('tells domain errors apart with isTesseraError', async () => {
    const event = await freeEvent(1);
    const client = createTesseraClient({ baseUrl });
    const error = await client.holds.create
      .mutate({
        occurrenceId: event.occurrence.id,
        tickets: [{ ticketTypeId: event.ticketType.id, quantity: 2 }],
      })
      .catch((e: unknown) => e);
    expect(isTesseraError(error)).toBe(true);
    expect(isTesseraError(error, 'SOLD_OUT')).toBe(true);
    expect(isTesseraError(error, 'SEAT_TAKEN')).toBe(false);
    expect(isTesseraError(new Error('SOLD_OUT'), 'SOLD_OUT')).toBe(false);
  });
});

describe('subscribeToOccurrence', () => {
  it('hands over the live availability the realtime gateway pushes after a hold', async () => {
    const gateway = await startRealtimeGateway({
      db: api.db,
      redisUrl: testEnv.TEST_REDIS_URL,
      port: 0,
      host: '127.0.0.1',
      allowedOrigins: [],
      tokenSecret: 'client-realtime-test-secret-of-32-characters',
      keyPrefix: uniquePrefix('client-realtime'),
      log: quietLog,
    });
    const event = await freeEvent(10);
    const received: AvailabilityEvent[] = [];
    let joined: () => void = () => undefined;
    const inRoom = new Promise<void>((resolve) => (joined = resolve));
    const pushed = new Promise<void>((resolve) => {
      const stop = subscribeToOccurrence(
        event.occurrence.id,
        (availability) => {
          received.push(availability);
          stop();
          resolve();
        },
        { gatewayUrl: `http://127.0.0.1:${gateway.port}`, onJoined: () => joined() },
      );
    });
    try {
      const client = createTesseraClient({ baseUrl });
      await inRoom;
      await client.holds.create.mutate({
        occurrenceId: event.occurrence.id,
        tickets: [{ ticketTypeId: event.ticketType.id, quantity: 3 }],
      });
      await pushed;
      expect(received[0]).toMatchObject({ occurrenceId: event.occurrence.id, remaining: 7 });
    } finally {
      await gateway.close();
    }
  });
});

describe('example/book.mjs', () => {
  it('books with the built package from a plain Node program', async () => {
    const event = await freeEvent(5);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [fileURLToPath(new URL('../example/book.mjs', import.meta.url))],
      {
        env: {
          TESSERA_URL: baseUrl,
          TESSERA_API_KEY: await issueKey(event.org.id, event.owner.user.id),
          TESSERA_ORG: event.org.slug,
        },
      },
    );
    const [reference, status] = stdout.trim().split(' ');
    expect(status).toBe('confirmed');
    const booking = await api.db
      .selectFrom('bookings')
      .select(['status', 'channel'])
      .where('reference', '=', reference ?? '')
      .executeTakeFirstOrThrow();
    expect(booking).toEqual({ status: 'confirmed', channel: 'api' });
  });
});

describe('verifyWebhook', () => {
  it('accepts a delivery as the worker sends it, and refuses it tampered or replayed', async () => {
    const received: { body: string; headers: IncomingHttpHeaders }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ body, headers: req.headers });
        res.end('ok');
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    const address = receiver.address();
    if (typeof address !== 'object' || !address) throw new Error('receiver has no address');
    try {
      const org = await createOrg(api.db);
      const secret = 'whsec_client_test_secret_0123456789';
      const endpoint = await api.db
        .insertInto('webhookEndpoints')
        .values({ orgId: org.id, url: `http://127.0.0.1:${address.port}/hooks`, secret })
        .returning('id')
        .executeTakeFirstOrThrow();
      const payload = { type: 'booking.confirmed', data: { reference: 'ABC123' } };
      const delivery = await api.db
        .insertInto('webhookDeliveries')
        .values({
          orgId: org.id,
          endpointId: endpoint.id,
          eventType: 'booking.confirmed',
          payload: JSON.stringify(payload),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const outcome = await attemptWebhookDelivery(api.db, delivery.id, {
        baseDelayMs: 1000,
        maxDelayMs: 1000,
        windowMs: 60_000,
      });
      expect(outcome.outcome).toBe('succeeded');
      const [{ body, headers }] = received as [(typeof received)[number]];

      expect(verifyWebhook(body, headers, secret)).toEqual(payload);
      expect(() => verifyWebhook(body.replace('ABC123', 'ABC124'), headers, secret)).toThrow(
        'Signature does not match the body and secret',
      );
      expect(() => verifyWebhook(body, headers, 'whsec_another_secret')).toThrow(
        WebhookVerificationError,
      );
      // The same delivery captured and sent again ten minutes later.
      expect(() =>
        verifyWebhook(body, headers, secret, { now: new Date(Date.now() + 10 * 60_000) }),
      ).toThrow(/Timestamp is \d+ s away from now/);
    } finally {
      receiver.close();
    }
  });
});
