import { listFailedJobs, retryFailedJob } from '@tessera/api/domain/jobs/dead-letter';
import { offlinePayments } from '@tessera/api/domain/payments/offline';
import { verifyWebhook } from '@tessera/api/domain/webhooks/signature';
import { webhookDeliveryJobId } from '@tessera/api/domain/webhooks/jobs';
import { createStaffUser } from '@tessera/db/seed';
import { createTestDatabase, testEnv, type TestDatabase } from '@tessera/db/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startJobs, type RunningJobs } from './jobs';
import { outboxJobId } from './queues';
import { createRedisConnection } from './redis';
import {
  addOutboxEvent,
  quietLog,
  seedConfirmedBooking,
  uniquePrefix,
  type SeededBooking,
} from './test-support';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const redisUrl = testEnv.TEST_REDIS_URL;
const prefix = uniquePrefix('webhooks');
// Short on purpose: attempts 100 ms, 200 ms, 400 ms ... apart, dead 1.5 s after the first.
const retry = { baseDelayMs: 100, maxDelayMs: 1_000, windowMs: 1_500 };

let testDb: TestDatabase;
let jobs: RunningJobs;
/** Each test's own receiver: a script of answers is never consumed by another test's delivery. */
let receiver: WebhookReceiver;
const redis = createRedisConnection(redisUrl, 'producer', quietLog);

beforeAll(async () => {
  testDb = await createTestDatabase({ poolSize: 4 });
  jobs = await startJobs({
    db: testDb.db,
    redisUrl,
    prefix,
    transport: null,
    payments: { stripe: null, provider: offlinePayments },
    log: quietLog,
    relayPollIntervalMs: 50,
    webhookRetry: retry,
  });
});

afterAll(async () => {
  await jobs.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await testDb.drop();
});

beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(() => receiver.close());

async function addEndpoint(
  orgId: string,
  options: { url?: string; eventTypes?: string[]; active?: boolean } = {},
) {
  return testDb.db
    .insertInto('webhookEndpoints')
    .values({
      orgId,
      url: options.url ?? receiver.url,
      secret: `whsec_${crypto.randomUUID()}`,
      eventTypes: options.eventTypes ?? [],
      active: options.active ?? true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const startsAt = new Date('2027-05-01T18:00:00Z');

/** An org with a confirmed booking, its `booking.confirmed` already fanned out (to no endpoint yet). */
async function orgWithBooking(): Promise<SeededBooking & { outboxId: number }> {
  const booking = await seedConfirmedBooking(testDb.db, startsAt);
  await vi.waitFor(
    async () =>
      expect(
        await (
          await jobs.queues['webhook-events'].getJob(outboxJobId(booking.outboxId))
        )?.getState(),
      ).toBe('completed'),
    { timeout: 15_000, interval: 50 },
  );
  return booking;
}

function deliveriesOf(outboxId: number) {
  return testDb.db
    .selectFrom('webhookDeliveries')
    .selectAll()
    .where('outboxId', '=', outboxId)
    .execute();
}

function attemptsOf(deliveryId: string) {
  return testDb.db
    .selectFrom('webhookDeliveryAttempts')
    .selectAll()
    .where('deliveryId', '=', deliveryId)
    .orderBy('attemptNo')
    .execute();
}

async function settled(deliveryId: string, status: 'succeeded' | 'dead') {
  await vi.waitFor(
    async () => {
      const row = await testDb.db
        .selectFrom('webhookDeliveries')
        .select('status')
        .where('id', '=', deliveryId)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe(status);
    },
    { timeout: 15_000, interval: 50 },
  );
}

/** A booking event of a fresh org whose endpoint is set up before the event is written. */
async function bookingEventWithEndpoint(eventTypes: string[] = []) {
  const booking = await orgWithBooking();
  const endpoint = await addEndpoint(booking.orgId, { eventTypes });
  const outboxId = await addOutboxEvent(testDb.db, {
    orgId: booking.orgId,
    aggregateType: 'booking',
    aggregateId: booking.bookingId,
    eventType: 'booking.cancelled',
    payload: { reference: booking.reference, refundAmount: 4_500, currency: 'USD' },
  });
  return { booking, endpoint, outboxId };
}

async function deliveryOf(outboxId: number) {
  await vi.waitFor(async () => expect(await deliveriesOf(outboxId)).toHaveLength(1), {
    timeout: 15_000,
    interval: 50,
  });
  const [delivery] = await deliveriesOf(outboxId);
  if (!delivery) throw new Error('no delivery');
  return delivery;
}

describe('outgoing webhooks', () => {
  it('POSTs a signed delivery that verifyWebhook accepts, only to subscribed active endpoints of the org', async () => {
    const { booking, endpoint, outboxId } = await bookingEventWithEndpoint(['booking.cancelled']);
    const other = await orgWithBooking();
    const onlyConfirmations = await addEndpoint(booking.orgId, {
      eventTypes: ['booking.confirmed'],
    });
    const disabled = await addEndpoint(booking.orgId, { active: false });
    const otherOrgs = await addEndpoint(other.orgId);

    const delivery = await deliveryOf(outboxId);
    await settled(delivery.id, 'succeeded');
    expect(delivery.endpointId).toBe(endpoint.id);
    for (const silent of [onlyConfirmations, disabled, otherOrgs]) {
      const rows = await testDb.db
        .selectFrom('webhookDeliveries')
        .select('id')
        .where('endpointId', '=', silent.id)
        .where('outboxId', '=', outboxId)
        .execute();
      expect(rows).toHaveLength(0);
    }

    const request = receiver.received.find(
      (received) => received.headers['tessera-delivery'] === delivery.id,
    );
    if (!request) throw new Error('the receiver got nothing for this delivery');
    expect(request.headers['tessera-event']).toBe('booking.cancelled');
    expect(request.headers['content-type']).toBe('application/json');
    const event = verifyWebhook(request.rawBody, request.headers, endpoint.secret);
    expect(event).toMatchObject({
      id: `evt_${outboxId}`,
      type: 'booking.cancelled',
      data: {
        refundAmount: 4_500,
        booking: {
          id: booking.bookingId,
          reference: booking.reference,
          total: { amount: 4_500, currency: 'USD' },
          contact: { email: 'ada@example.test' },
        },
      },
    });
    // The same request fails verification with another secret, a changed body or later on.
    expect(() => verifyWebhook(request.rawBody, request.headers, otherOrgs.secret)).toThrow(
      /does not match/,
    );
    expect(() =>
      verifyWebhook(
        request.rawBody.replace(booking.reference, 'FORGED'),
        request.headers,
        endpoint.secret,
      ),
    ).toThrow(/does not match/);
    expect(() =>
      verifyWebhook(request.rawBody, request.headers, endpoint.secret, {
        now: new Date(Date.now() + 10 * 60_000),
      }),
    ).toThrow(/tolerance 300 s/);

    const [attempt] = await attemptsOf(delivery.id);
    expect(attempt).toMatchObject({ attemptNo: 1, responseStatus: 200, responseBody: 'ok' });
  });

  it('retries a receiver answering 500 twice and succeeds on the third attempt, each recorded, with growing delays', async () => {
    receiver.answerWith(500, 500);
    const { outboxId } = await bookingEventWithEndpoint();
    const delivery = await deliveryOf(outboxId);
    await settled(delivery.id, 'succeeded');

    const attempts = await attemptsOf(delivery.id);
    expect(attempts.map((attempt) => [attempt.attemptNo, attempt.responseStatus])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    expect(attempts[0]?.responseBody).toBe('receiver failed with 500');
    const [first, second, third] = attempts.map((attempt) => attempt.attemptedAt.getTime());
    if (first === undefined || second === undefined || third === undefined)
      throw new Error('3 attempts');
    expect(second - first).toBeGreaterThanOrEqual(retry.baseDelayMs);
    expect(third - second).toBeGreaterThanOrEqual(2 * retry.baseDelayMs);
    const row = await testDb.db
      .selectFrom('webhookDeliveries')
      .selectAll()
      .where('id', '=', delivery.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'succeeded', attempts: 3, responseStatus: 200 });
    const job = await jobs.queues['webhook-deliveries'].getJob(webhookDeliveryJobId(delivery.id));
    expect(job?.attemptsMade).toBe(3);
  });

  it('makes one delivery per endpoint and event, even when the event is relayed and fanned out twice', async () => {
    const { endpoint, outboxId } = await bookingEventWithEndpoint();
    const delivery = await deliveryOf(outboxId);
    await settled(delivery.id, 'succeeded');

    // Relayed again while its job is kept, then again after the fan-out job was removed.
    const relayAgain = async () => {
      await testDb.db
        .updateTable('outbox')
        .set({ relayedAt: null })
        .where('id', '=', outboxId)
        .execute();
      await vi.waitFor(async () => {
        const row = await testDb.db
          .selectFrom('outbox')
          .select('relayedAt')
          .where('id', '=', outboxId)
          .executeTakeFirstOrThrow();
        expect(row.relayedAt).not.toBeNull();
      });
    };
    await relayAgain();
    await (await jobs.queues['webhook-events'].getJob(outboxJobId(outboxId)))?.remove();
    await relayAgain();
    await vi.waitFor(
      async () =>
        expect(
          await (await jobs.queues['webhook-events'].getJob(outboxJobId(outboxId)))?.getState(),
        ).toBe('completed'),
      { timeout: 15_000, interval: 50 },
    );

    expect(await deliveriesOf(outboxId)).toHaveLength(1);
    expect(
      receiver.received.filter((request) => request.headers['tessera-delivery'] === delivery.id),
    ).toHaveLength(1);
    expect(endpoint.id).toBe(delivery.endpointId);
  });
});

describe('dead letter', () => {
  it('kills a delivery whose receiver keeps failing for the whole window, lists it for its org only, and a staff retry delivers it', async () => {
    receiver.answerWith(...Array.from({ length: 50 }, () => 503));
    const { booking, outboxId } = await bookingEventWithEndpoint();
    const delivery = await deliveryOf(outboxId);
    await settled(delivery.id, 'dead');
    const attempts = await attemptsOf(delivery.id);
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts.every((attempt) => attempt.responseStatus === 503)).toBe(true);
    const last = attempts.at(-1)?.attemptedAt.getTime() ?? 0;
    expect(last - (attempts[0]?.attemptedAt.getTime() ?? 0)).toBeLessThanOrEqual(
      retry.windowMs + 500,
    );

    const access = { redis, prefix };
    const jobId = webhookDeliveryJobId(delivery.id);
    const failed = await listFailedJobs(access, booking.orgId, {
      queue: 'webhook-deliveries',
      limit: 50,
    });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      queue: 'webhook-deliveries',
      id: jobId,
      summary: `delivery ${delivery.id}`,
      attemptsMade: attempts.length,
    });
    expect(failed[0]?.failedReason).toMatch(/answered 503; no more attempts/);
    const stranger = await orgWithBooking();
    expect(await listFailedJobs(access, stranger.orgId, { limit: 50 })).toEqual([]);
    const { user } = await createStaffUser(testDb.db, {
      org: { id: booking.orgId },
      role: 'manager',
    });
    const manager = {
      orgId: booking.orgId,
      role: 'manager' as const,
      actor: { userId: user.id, apiKeyId: null, label: user.email },
    };
    await expect(
      retryFailedJob(
        testDb.db,
        access,
        { ...manager, orgId: stranger.orgId },
        { queue: 'webhook-deliveries', jobId },
        'test',
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    receiver.answerWith();
    await retryFailedJob(
      testDb.db,
      access,
      manager,
      { queue: 'webhook-deliveries', jobId },
      'test',
    );
    await settled(delivery.id, 'succeeded');
    const after = await attemptsOf(delivery.id);
    expect(after).toHaveLength(attempts.length + 1);
    expect(after.at(-1)?.responseStatus).toBe(200);
    expect(await listFailedJobs(access, booking.orgId, { limit: 50 })).toEqual([]);
    const audit = await testDb.db
      .selectFrom('auditLog')
      .select(['action', 'entityId', 'actorUserId'])
      .where('orgId', '=', booking.orgId)
      .execute();
    expect(audit).toEqual([
      { action: 'webhook_delivery.retried', entityId: delivery.id, actorUserId: user.id },
    ]);
  });

  it('fails a bad payload at once, lists it, and a retry runs it again', async () => {
    const booking = await orgWithBooking();
    const badId = await addOutboxEvent(testDb.db, {
      orgId: booking.orgId,
      aggregateType: 'hold',
      aggregateId: 'not-a-hold-id',
      eventType: 'inventory.released',
      payload: {},
    });
    const jobId = outboxJobId(badId);
    const failedJob = async () => {
      const job = await jobs.queues.waitlist.getJob(jobId);
      expect(await job?.getState()).toBe('failed');
      return job;
    };
    const first = await vi.waitFor(failedJob, { timeout: 15_000, interval: 50 });
    expect(first?.attemptsMade).toBe(1);

    const access = { redis, prefix };
    const [listed] = await listFailedJobs(access, booking.orgId, { limit: 50 });
    expect(listed).toMatchObject({
      queue: 'waitlist',
      id: jobId,
      name: 'inventory.released',
      summary: 'inventory.released hold not-a-hold-id',
      attemptsMade: 1,
    });
    expect(listed?.failedReason).toMatch(/^bad waitlist job payload: .*aggregateId/);

    const { user } = await createStaffUser(testDb.db, {
      org: { id: booking.orgId },
      role: 'owner',
    });
    const owner = {
      orgId: booking.orgId,
      role: 'owner' as const,
      actor: { userId: user.id, apiKeyId: null, label: user.email },
    };
    await retryFailedJob(testDb.db, access, owner, { queue: 'waitlist', jobId }, 'test');
    // It ran again (and failed again: the payload is still bad), later than the first time.
    const again = await vi.waitFor(
      async () => {
        const job = await failedJob();
        expect(job?.finishedOn).toBeGreaterThan(first?.finishedOn ?? 0);
        return job;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(again?.attemptsMade).toBe(1);
    await expect(
      retryFailedJob(testDb.db, access, owner, { queue: 'notifications', jobId }, 'test'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
