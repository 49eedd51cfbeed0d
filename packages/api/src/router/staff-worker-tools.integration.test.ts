import { createStaffUser, createUser } from '@tessera/db/seed';
import { UnrecoverableError, Worker, type Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { testEnv } from '@tessera/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHold } from '../domain/holds/create';
import type { QueueName } from '../domain/jobs/queue-names';
import { withQueue } from '../domain/jobs/queues';
import { webhookDeliveryJobId } from '../domain/webhooks/jobs';
import { joinWaitlist } from '../domain/waitlist/join';
import { env } from '../env';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { generalAdmission } from '../testing/engine-fixtures';

let t: ApiTest;
type Roles = Record<'owner' | 'manager' | 'agent' | 'checkin' | 'auditor', string>;
let a: { orgId: string; occurrenceId: string; staff: Roles };
let b: { orgId: string; owner: string };
let customer: string;
// The queues these procedures read, on a connection BullMQ may block on.
const workerRedis = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: null });
const access = () => ({ redis: workerRedis, prefix: env.QUEUE_PREFIX });
const noEvents = { changed: () => undefined };

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
  const ga = await generalAdmission(t.db, { quota: 2 });
  const staff = {} as Roles;
  for (const role of ['owner', 'manager', 'agent', 'checkin', 'auditor'] as const)
    staff[role] = (await createStaffUser(t.db, { org: ga.org, role })).user.id;
  a = { orgId: ga.org.id, occurrenceId: ga.occurrence.id, staff };
  const other = await generalAdmission(t.db);
  b = {
    orgId: other.org.id,
    owner: (await createStaffUser(t.db, { org: other.org, role: 'owner' })).user.id,
  };
  customer = (await createUser(t.db)).id;
});

/** Jobs this file put on the shared test queues, removed at the end. */
const created: { queue: QueueName; jobId: string }[] = [];

afterAll(async () => {
  for (const { queue, jobId } of created)
    await withQueue(access(), queue, async (handle) => (await handle.getJob(jobId))?.remove());
  workerRedis.disconnect();
  await t.close();
});

const as = (userId: string) => t.caller({ userId });

describe('staff.webhooks', () => {
  it('creates an endpoint with a secret shown once, lists it without the secret, and disables it (audited)', async () => {
    const owner = await as(a.staff.owner);
    const { endpoint, secret } = await owner.staff.webhooks.create({
      url: 'https://hooks.example.test/tessera',
      eventTypes: ['booking.confirmed', 'booking.cancelled'],
    });
    expect(secret).toMatch(/^whsec_[\w-]{32}$/);
    expect(endpoint).toMatchObject({
      active: true,
      eventTypes: ['booking.confirmed', 'booking.cancelled'],
    });
    const listed = await (await as(a.staff.auditor)).staff.webhooks.endpoints();
    expect(listed).toEqual([endpoint]);
    expect(JSON.stringify(listed)).not.toContain(secret);

    const disabled = await (
      await as(a.staff.manager)
    ).staff.webhooks.disable({
      endpointId: endpoint.id,
    });
    expect(disabled.active).toBe(false);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId'])
      .where('entityId', '=', endpoint.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'webhook_endpoint.created', actorUserId: a.staff.owner },
      { action: 'webhook_endpoint.disabled', actorUserId: a.staff.manager },
    ]);
  });

  it('refuses addresses that are not http(s) with a readable message, and changes nothing', async () => {
    const before = await t.db.selectFrom('webhookEndpoints').select('id').execute();
    for (const url of ['ftp://files.example.test/hook', 'javascript:alert(1)', 'not a url']) {
      const { status, body } = await t.http(
        'staff.webhooks.create',
        { url },
        { userId: a.staff.owner },
      );
      expect(status).toBe(400);
      expect(body.error?.json.message).toBe(
        'Invalid input: url: Enter an http:// or https:// address',
      );
    }
    const { body } = await t.http(
      'staff.webhooks.create',
      { url: 'https://hooks.example.test', eventTypes: ['booking.exploded'] },
      { userId: a.staff.owner },
    );
    expect(body.error?.json.message).toBe(
      'Invalid input: eventTypes.0: Choose events from the list',
    );
    expect(await t.db.selectFrom('webhookEndpoints').select('id').execute()).toEqual(before);
  });

  it("retries a dead delivery now (its job re-queued) for its org's staff only", async () => {
    const endpoint = await t.db
      .insertInto('webhookEndpoints')
      .values({ orgId: a.orgId, url: 'https://hooks.example.test/a', secret: 'whsec_a' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const delivery = await t.db
      .insertInto('webhookDeliveries')
      .values({
        orgId: a.orgId,
        endpointId: endpoint.id,
        eventType: 'booking.confirmed',
        payload: JSON.stringify({ type: 'booking.confirmed' }),
        status: 'dead',
        attempts: 15,
        firstAttemptAt: new Date(Date.now() - 25 * 3_600_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('webhookDeliveryAttempts')
      .values({
        orgId: a.orgId,
        deliveryId: delivery.id,
        attemptNo: 15,
        responseStatus: 502,
        responseBody: 'bad gateway',
        durationMs: 40,
      })
      .execute();

    // Another org sees neither the endpoint's log nor the delivery.
    const outsider = await as(b.owner);
    await expect(
      outsider.staff.webhooks.deliveries({ endpointId: endpoint.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(outsider.staff.webhooks.retry({ deliveryId: delivery.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      outsider.staff.webhooks.disable({ endpointId: endpoint.id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await outsider.staff.webhooks.endpoints()).toEqual([]);

    const [logged] = await (
      await as(a.staff.auditor)
    ).staff.webhooks.deliveries({
      endpointId: endpoint.id,
    });
    expect(logged).toMatchObject({
      id: delivery.id,
      status: 'dead',
      attemptLog: [{ attemptNo: 15, responseStatus: 502, responseBody: 'bad gateway' }],
    });

    expect(
      await (await as(a.staff.manager)).staff.webhooks.retry({ deliveryId: delivery.id }),
    ).toEqual({
      status: 'pending',
    });
    const row = await t.db
      .selectFrom('webhookDeliveries')
      .select(['status', 'firstAttemptAt'])
      .where('id', '=', delivery.id)
      .executeTakeFirstOrThrow();
    // A fresh 24-hour window starts at the retried attempt.
    expect(row).toEqual({ status: 'pending', firstAttemptAt: null });
    created.push({ queue: 'webhook-deliveries', jobId: webhookDeliveryJobId(delivery.id) });
    const state = await withQueue(access(), 'webhook-deliveries', async (queue) =>
      (await queue.getJob(webhookDeliveryJobId(delivery.id)))?.getState(),
    );
    expect(state).toBe('waiting');
    await expect(
      (await as(a.staff.manager)).staff.webhooks.retry({ deliveryId: delivery.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses roles without the permission', async () => {
    for (const role of ['agent', 'checkin'] as const) {
      const api = await as(a.staff[role]);
      await expect(api.staff.webhooks.endpoints()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        api.staff.webhooks.create({ url: 'https://hooks.example.test' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const auditor = await as(a.staff.auditor);
    await expect(
      auditor.staff.webhooks.create({ url: 'https://hooks.example.test' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      auditor.staff.webhooks.retry({ deliveryId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await as(customer)).staff.webhooks.endpoints()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect((await t.caller()).staff.webhooks.endpoints()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('staff.waitlist', () => {
  it('lists a date in join order with offers, makes a manual offer out of turn, and refuses what does not fit', async () => {
    const ticketType = await t.db
      .selectFrom('ticketTypes')
      .select('id')
      .where('orgId', '=', a.orgId)
      .executeTakeFirstOrThrow();
    const taken = await createHold(
      t.db,
      { occurrenceId: a.occurrenceId, tickets: [{ ticketTypeId: ticketType.id, quantity: 2 }] },
      { clientKey: 'user:buyer', userId: null, source: 'customer' },
      { events: noEvents, policy: { maxLiveHoldsPerClient: 0 } },
    );
    const join = (email: string, quantity: number) =>
      joinWaitlist(t.db, { occurrenceId: a.occurrenceId, email, quantity }, null);
    const first = await join('first@example.test', 2);
    const second = await join('second@example.test', 1);
    await t.db
      .updateTable('ticketUnits')
      .set({ status: 'free', holdId: null, heldUntil: null })
      .where('holdId', '=', taken.holdId)
      .where('unitNo', '=', 1)
      .execute();

    const agent = await as(a.staff.agent);
    // One unit is free: the first party (2) does not fit, the second (1) does.
    await expect(agent.staff.waitlist.offer({ entryId: first.entryId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Not enough free places for this party of 2 right now.',
    });
    const { holdId } = await agent.staff.waitlist.offer({ entryId: second.entryId });
    await expect(agent.staff.waitlist.offer({ entryId: second.entryId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This entry is offered, not waiting.',
    });

    const entries = await (
      await as(a.staff.checkin)
    ).staff.waitlist.entries({
      occurrenceId: a.occurrenceId,
    });
    expect(
      entries.map((entry) => [entry.email, entry.status, entry.offer?.holdId ?? null]),
    ).toEqual([
      ['first@example.test', 'waiting', null],
      ['second@example.test', 'offered', holdId],
    ]);
    expect(entries[1]?.offer).toMatchObject({ holdStatus: 'active' });
    const outbox = await t.db
      .selectFrom('outbox')
      .select('payload')
      .where('eventType', '=', 'waitlist.offered')
      .where('aggregateId', '=', second.entryId)
      .executeTakeFirstOrThrow();
    expect(outbox.payload).toMatchObject({ claimUrl: `${env.PUBLIC_SITE_URL}/checkout/${holdId}` });
  });

  it("refuses another org's date and entries, and roles that may not sell", async () => {
    const [entry] = await t.db
      .selectFrom('waitlistEntries')
      .select('id')
      .where('orgId', '=', a.orgId)
      .execute();
    if (!entry) throw new Error('the previous test joins entries');
    const outsider = await as(b.owner);
    await expect(
      outsider.staff.waitlist.entries({ occurrenceId: a.occurrenceId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(outsider.staff.waitlist.offer({ entryId: entry.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    for (const role of ['checkin', 'auditor'] as const)
      await expect(
        (await as(a.staff[role])).staff.waitlist.offer({ entryId: entry.id }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
  it('lists the dates that have a waiting list with counts by state, for the org only', async () => {
    const dates = await (await as(a.staff.auditor)).staff.waitlist.dates();
    expect(dates).toEqual([
      expect.objectContaining({
        occurrenceId: a.occurrenceId,
        waiting: 1,
        offered: 1,
        claimed: 0,
        lapsed: 0,
      }),
    ]);
    expect(await (await as(b.owner)).staff.waitlist.dates()).toEqual([]);
    await expect((await as(customer)).staff.waitlist.dates()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('staff.jobs', () => {
  /** A job of `orgId` on the waitlist queue that failed for good, run by a real worker. */
  async function failedJob(orgId: string): Promise<string> {
    return withQueue(access(), 'waitlist', async (queue: Queue) => {
      const job = await queue.add('inventory.released', { orgId, aggregateId: 'broken' });
      created.push({ queue: 'waitlist', jobId: job.id ?? '' });
      const worker = new Worker(
        'waitlist',
        () => Promise.reject(new UnrecoverableError('bad waitlist job payload: aggregateId')),
        { connection: workerRedis, prefix: env.QUEUE_PREFIX },
      );
      try {
        await new Promise<void>((resolve) => {
          worker.on('failed', (failed) => failed?.id === job.id && resolve());
        });
      } finally {
        await worker.close();
      }
      return job.id ?? '';
    });
  }

  it('lists the org its failed jobs and retries one, for owners and managers only', async () => {
    const mine = await failedJob(a.orgId);
    const theirs = await failedJob(b.orgId);
    const manager = await as(a.staff.manager);
    const failed = await manager.staff.jobs.failed({ queue: 'waitlist' });
    expect(failed.map((job) => job.id)).toEqual([mine]);
    expect(failed[0]).toMatchObject({
      queue: 'waitlist',
      name: 'inventory.released',
      failedReason: 'bad waitlist job payload: aggregateId',
      attemptsMade: 1,
    });
    expect((await (await as(b.owner)).staff.jobs.failed({})).map((job) => job.id)).toEqual([
      theirs,
    ]);

    await expect(
      manager.staff.jobs.retry({ queue: 'waitlist', jobId: theirs }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await manager.staff.jobs.retry({ queue: 'waitlist', jobId: mine })).toEqual({
      retried: true,
    });
    const state = await withQueue(access(), 'waitlist', async (queue) =>
      (await queue.getJob(mine))?.getState(),
    );
    expect(state).toBe('waiting');
    await expect(
      manager.staff.jobs.retry({ queue: 'waitlist', jobId: mine }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    for (const role of ['agent', 'checkin', 'auditor'] as const) {
      const api = await as(a.staff[role]);
      await expect(api.staff.jobs.failed({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(api.staff.jobs.retry({ queue: 'waitlist', jobId: mine })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const { status, body } = await t.http(
      'staff.jobs.failed',
      { queue: 'everything' },
      { userId: a.staff.owner, method: 'GET' },
    );
    expect(status).toBe(400);
    expect(body.error?.json.message).toMatch(/^Invalid input: queue: Invalid option/);
  });
});
