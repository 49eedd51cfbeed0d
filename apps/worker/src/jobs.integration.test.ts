import { offlinePayments } from '@tessera/api/domain/payments/offline';
import { enqueueOutbox } from '@tessera/api/domain/shared/outbox';
import { createTestDatabase, testEnv, type TestDatabase } from '@tessera/db/testing';
import type { Queue } from 'bullmq';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openQueues, startJobs, type RunningJobs } from './jobs';
import { createSmtpTransport, type SmtpTransport } from './mailer';
import { processNotification } from './processors/notifications';
import { notificationsQueue, outboxJobId } from './queues';
import { createRedisConnection } from './redis';
import { createOutboxRelay, OUTBOX_CHANNEL } from './relay';
import {
  addOutboxEvent,
  quietLog,
  seedConfirmedBooking,
  startSmtpPeer,
  uniquePrefix,
  type SmtpPeer,
} from './test-support';

const redisUrl = testEnv.TEST_REDIS_URL;
const prefix = uniquePrefix('jobs');
const startsAt = new Date('2027-03-14T23:30:00Z'); // 19:30 in New York, the first evening of daylight saving time

let testDb: TestDatabase;
let smtp: SmtpPeer;
let running: RunningJobs | undefined;
let transport: SmtpTransport | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase();
  smtp = await startSmtpPeer();
});

afterEach(async () => {
  await running?.close();
  running = undefined;
  transport?.close();
  transport = undefined;
});

afterAll(async () => {
  // Leave nothing of this run in the shared Redis.
  const redis = createRedisConnection(redisUrl, 'worker', quietLog);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await smtp.close();
  await testDb.drop();
});

async function start(options: {
  smtp: boolean;
  holdExpiryEveryMs?: number;
  relayPollIntervalMs?: number;
  listen?: boolean;
}): Promise<RunningJobs> {
  transport = options.smtp
    ? createSmtpTransport(smtp.url, 'Harbour Arts <tickets@harbour.test>')
    : undefined;
  running = await startJobs({
    db: testDb.db,
    redisUrl,
    prefix,
    transport: transport ?? null,
    payments: { stripe: null, provider: offlinePayments },
    log: quietLog,
    holdExpiryEveryMs: options.holdExpiryEveryMs,
    relayPollIntervalMs: options.relayPollIntervalMs ?? 50,
    listenUrl: options.listen ? testDb.url : undefined,
  });
  return running;
}

async function jobState(queue: Queue, jobId: string): Promise<string> {
  const job = await queue.getJob(jobId);
  return job ? job.getState() : 'missing';
}

function messagesFor(bookingId: string) {
  return testDb.db
    .selectFrom('outboundMessages')
    .selectAll()
    .where('bookingId', '=', bookingId)
    .execute();
}

describe('outbox to email', () => {
  it('sends one email per confirmed booking, even when the job runs twice or the row is relayed twice', async () => {
    const jobs = await start({ smtp: true });
    const booking = await seedConfirmedBooking(testDb.db, startsAt);
    const jobId = outboxJobId(booking.outboxId);

    await vi.waitFor(
      () =>
        expect(
          smtp.received.filter((mail) => mail.subject?.includes(booking.reference)),
        ).toHaveLength(1),
      { timeout: 15_000, interval: 50 },
    );
    const mail = smtp.received.find((received) => received.subject?.includes(booking.reference));
    expect(mail?.subject).toBe(`Booking ${booking.reference} confirmed: Harbour Jazz Night`);
    expect(mail?.text).toContain(`Your booking ${booking.reference} is confirmed.`);
    expect(mail?.text).toContain('Harbour Jazz Night');
    expect(mail?.text).toMatch(/14 March 2027.*19:30 \(America\/New_York\)/);
    expect(mail?.text).toContain('Pier 17 Hall');
    expect(mail?.html).toContain(booking.reference);
    await vi.waitFor(
      async () => expect(await jobState(jobs.queues.notifications, jobId)).toBe('completed'),
      { timeout: 5_000, interval: 50 },
    );

    // The same job again (a retry after a crash): claimed already, nothing sent.
    const job = await jobs.queues.notifications.getJob(jobId);
    if (!job) throw new Error('the relayed job is gone');
    const again = await processNotification({
      db: testDb.db,
      transport: transport ?? null,
      log: quietLog,
    })(job);
    expect(again).toBe('duplicate');

    // The row relayed again while its job is kept: BullMQ keeps the first job (same id).
    await testDb.db
      .updateTable('outbox')
      .set({ relayedAt: null })
      .where('id', '=', booking.outboxId)
      .execute();
    await vi.waitFor(async () => {
      const row = await testDb.db
        .selectFrom('outbox')
        .select('relayedAt')
        .where('id', '=', booking.outboxId)
        .executeTakeFirstOrThrow();
      expect(row.relayedAt).not.toBeNull();
    });
    expect(
      await jobs.queues.notifications.getJobCounts('completed', 'waiting', 'active'),
    ).toMatchObject({ completed: 1, waiting: 0, active: 0 });

    // ...and after retention removed the job: a new job runs, and the message's dedupe key stops it.
    await job.remove();
    await testDb.db
      .updateTable('outbox')
      .set({ relayedAt: null })
      .where('id', '=', booking.outboxId)
      .execute();
    await vi.waitFor(
      async () => expect(await jobState(jobs.queues.notifications, jobId)).toBe('completed'),
      { timeout: 5_000, interval: 50 },
    );
    expect((await jobs.queues.notifications.getJob(jobId))?.returnvalue).toBe('duplicate');

    expect(
      smtp.received.filter((received) => received.subject?.includes(booking.reference)),
    ).toHaveLength(1);
    const messages = await messagesFor(booking.bookingId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      status: 'sent',
      recipient: 'ada@example.test',
      template: 'booking.confirmed',
      dedupeKey: `booking.confirmed:${booking.outboxId}`,
    });
    expect(messages[0]?.sentAt).not.toBeNull();
  });

  it('records the message without sending it when no SMTP server is configured', async () => {
    const jobs = await start({ smtp: false });
    const before = smtp.received.length;
    const booking = await seedConfirmedBooking(testDb.db, startsAt);

    await vi.waitFor(
      async () =>
        expect(await jobState(jobs.queues.notifications, outboxJobId(booking.outboxId))).toBe(
          'completed',
        ),
      { timeout: 15_000, interval: 50 },
    );

    const messages = await messagesFor(booking.bookingId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      status: 'recorded',
      sentAt: null,
      subject: `Booking ${booking.reference} confirmed: Harbour Jazz Night`,
    });
    expect(messages[0]?.bodyText).toContain(booking.reference);
    expect(smtp.received.length).toBe(before);
  });

  it('fails a job with a malformed payload at once, without retries', async () => {
    const jobs = await start({ smtp: false });
    const booking = await seedConfirmedBooking(testDb.db, startsAt);
    const badId = await addOutboxEvent(testDb.db, {
      orgId: booking.orgId,
      aggregateType: 'booking',
      aggregateId: 'not-a-booking-id',
      eventType: 'booking.cancelled',
      payload: { refundAmount: 'all of it' },
    });

    await vi.waitFor(
      async () =>
        expect(await jobState(jobs.queues.notifications, outboxJobId(badId))).toBe('failed'),
      { timeout: 15_000, interval: 50 },
    );
    const job = await jobs.queues.notifications.getJob(outboxJobId(badId));
    expect(job?.attemptsMade).toBe(1);
    expect(notificationsQueue.jobOptions.attempts).toBeGreaterThan(1);
    expect(job?.failedReason).toMatch(/bad notifications job payload/);
  });
});

describe('outbox relay', () => {
  it('leaves rows in the outbox while Redis refuses connections, and relays them once it answers', async () => {
    const orgId = (await seedConfirmedBooking(testDb.db, startsAt)).orgId;
    // Whatever is pending from earlier tests goes first, so the counts below are this test's.
    const drain = await startJobs({
      db: testDb.db,
      redisUrl,
      prefix,
      transport: null,
      payments: { stripe: null, provider: offlinePayments },
      log: quietLog,
    });
    await drain.relay.relayPending();
    await drain.close();

    const holdId = crypto.randomUUID();
    const outboxId = await addOutboxEvent(testDb.db, {
      orgId,
      aggregateType: 'hold',
      aggregateId: holdId,
      eventType: 'hold.expired',
      payload: { holdId },
    });

    // Port 1 on loopback: nothing listens, every connection is refused.
    const refused = createRedisConnection('redis://127.0.0.1:1', 'producer', quietLog);
    const deadQueues = openQueues(refused, prefix, quietLog);
    const deadRelay = createOutboxRelay({
      db: testDb.db,
      queues: deadQueues,
      log: quietLog,
      addTimeoutMs: 500,
    });
    await expect(deadRelay.relayPending()).rejects.toThrow();
    await expect(deadRelay.relayPending()).rejects.toThrow();
    refused.disconnect();

    const unrelayed = await testDb.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', outboxId)
      .executeTakeFirstOrThrow();
    expect(unrelayed).toMatchObject({ relayedAt: null, attempts: 2 });
    expect(unrelayed.lastError).toBeTruthy();

    const producer = createRedisConnection(redisUrl, 'producer', quietLog);
    const liveQueues = openQueues(producer, prefix, quietLog);
    try {
      const relay = createOutboxRelay({ db: testDb.db, queues: liveQueues, log: quietLog });
      expect(await relay.relayPending()).toBe(1);
      const relayed = await testDb.db
        .selectFrom('outbox')
        .selectAll()
        .where('id', '=', outboxId)
        .executeTakeFirstOrThrow();
      expect(relayed.relayedAt).not.toBeNull();
      expect(relayed.lastError).toBeNull();
      // An expired hold may free places for the waiting list.
      const job = await liveQueues.waitlist.getJob(outboxJobId(outboxId));
      expect(job?.data).toMatchObject({ outboxId, eventType: 'hold.expired', aggregateId: holdId });
      expect(await relay.relayPending()).toBe(0);
    } finally {
      await Promise.all(Object.values(liveQueues).map((queue) => queue.close()));
      await producer.quit();
    }
  });
});

describe('outbox relay wake-up', () => {
  it('relays a new row at once on NOTIFY, long before its next poll', async () => {
    const jobs = await start({ smtp: false, relayPollIntervalMs: 60_000, listen: true });
    // Settle what earlier tests left and let the listener connect (it relays once when it does).
    await jobs.relay.relayPending();
    await vi.waitFor(async () => {
      const { rows } = await sql<{ listening: number }>`
        SELECT count(*)::int AS listening FROM pg_stat_activity
        WHERE datname = current_database() AND query = ${`LISTEN ${OUTBOX_CHANNEL}`}
      `.execute(testDb.db);
      expect(rows[0]?.listening).toBe(1);
    });

    const booking = await seedConfirmedBooking(testDb.db, startsAt);

    await vi.waitFor(
      async () =>
        expect(await jobState(jobs.queues.notifications, outboxJobId(booking.outboxId))).toBe(
          'completed',
        ),
      { timeout: 5_000, interval: 20 },
    );
  });
});

describe('outbox relay under concurrency', () => {
  it('never relays a row twice when two relays run at once', async () => {
    const orgId = (await seedConfirmedBooking(testDb.db, startsAt)).orgId;
    const producer = createRedisConnection(redisUrl, 'producer', quietLog);
    const queues = openQueues(producer, prefix, quietLog);
    try {
      const first = createOutboxRelay({ db: testDb.db, queues, log: quietLog, batchSize: 7 });
      const second = createOutboxRelay({ db: testDb.db, queues, log: quietLog, batchSize: 7 });
      await first.relayPending(); // what earlier tests left
      const occurrenceId = crypto.randomUUID();
      await testDb.db.transaction().execute((tx) =>
        enqueueOutbox(
          tx,
          Array.from({ length: 60 }, (_, index) => ({
            orgId,
            aggregateType: 'occurrence' as const,
            aggregateId: occurrenceId,
            eventType: 'inventory.released' as const,
            payload: { index },
          })),
        ),
      );

      const counts = await Promise.all([
        first.relayPending(),
        second.relayPending(),
        first.relayPending(),
        second.relayPending(),
      ]);
      // A relay stops at a short batch, which rows locked by the other can cause; one more round mops up.
      counts.push(await first.relayPending());

      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(60);
      const rows = await testDb.db
        .selectFrom('outbox')
        .select(['attempts', 'relayedAt'])
        .where('aggregateId', '=', occurrenceId)
        .execute();
      expect(rows).toHaveLength(60);
      expect(rows.every((row) => row.attempts === 1 && row.relayedAt !== null)).toBe(true);
    } finally {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      await producer.quit();
    }
  });
});

describe('schedules', () => {
  it('expires a lapsed hold on the expiry schedule, with no API call', async () => {
    const booking = await seedConfirmedBooking(testDb.db, startsAt);
    const offering = await testDb.db
      .selectFrom('bookings')
      .select(['offeringId', 'occurrenceId'])
      .where('id', '=', booking.bookingId)
      .executeTakeFirstOrThrow();
    const hold = await testDb.db
      .insertInto('holds')
      .values({
        orgId: booking.orgId,
        offeringId: offering.offeringId,
        occurrenceId: offering.occurrenceId,
        clientKey: 'test-client',
        currency: 'USD',
        expiresAt: new Date(Date.now() - 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const jobs = await start({ smtp: false, holdExpiryEveryMs: 500 });
    // Without Stripe there is nothing to reconcile: the expiry and the message sweeps are scheduled.
    const schedulers = await jobs.queues.maintenance.getJobSchedulers();
    expect(schedulers.map((scheduler) => [scheduler.key, scheduler.every]).sort()).toEqual([
      ['expire-holds', 500],
      ['prune-old-data', 3_600_000],
      ['resend-stuck-messages', 60_000],
      ['send-reminders', 60_000],
    ]);

    await vi.waitFor(
      async () => {
        const row = await testDb.db
          .selectFrom('holds')
          .select(['status', 'endedAt'])
          .where('id', '=', hold.id)
          .executeTakeFirstOrThrow();
        expect(row.status).toBe('expired');
        expect(row.endedAt).not.toBeNull();
      },
      { timeout: 15_000, interval: 100 },
    );
    // Its events went through the outbox like any other.
    await vi.waitFor(async () => {
      const events = await testDb.db
        .selectFrom('outbox')
        .select(['eventType', 'relayedAt'])
        .where('aggregateId', '=', hold.id)
        .execute();
      expect(events.map((event) => event.eventType).sort()).toEqual([
        'hold.expired',
        'inventory.released',
      ]);
      expect(events.every((event) => event.relayedAt !== null)).toBe(true);
    });
  });

  it('expires a hold when it lapses, by a delayed run, not at the next sweep', async () => {
    const booking = await seedConfirmedBooking(testDb.db, startsAt);
    const { offeringId, occurrenceId } = await testDb.db
      .selectFrom('bookings')
      .select(['offeringId', 'occurrenceId'])
      .where('id', '=', booking.bookingId)
      .executeTakeFirstOrThrow();
    const hold = await testDb.db
      .insertInto('holds')
      .values({
        orgId: booking.orgId,
        offeringId,
        occurrenceId,
        clientKey: 'test-client',
        currency: 'USD',
        expiresAt: sql<Date>`now() + interval '2 seconds'`,
      })
      .returning(['id', 'expiresAt'])
      .executeTakeFirstOrThrow();

    // The sweep runs once at start (and would run again only after two minutes): it finds the
    // hold not yet due and schedules a run at its expiry.
    const jobs = await start({ smtp: false, holdExpiryEveryMs: 120_000 });
    await jobs.queues.maintenance.add('expire-holds', { task: 'expire-holds' });
    const ended = await vi.waitFor(
      async () => {
        const row = await testDb.db
          .selectFrom('holds')
          .select(['status', 'endedAt'])
          .where('id', '=', hold.id)
          .executeTakeFirstOrThrow();
        expect(row.status).toBe('expired');
        return row.endedAt ?? new Date(0);
      },
      { timeout: 60_000, interval: 100 },
    );
    expect(ended.getTime()).toBeGreaterThanOrEqual(hold.expiresAt.getTime());
    expect(ended.getTime() - hold.expiresAt.getTime()).toBeLessThan(60_000);
  }, 90_000);
});
