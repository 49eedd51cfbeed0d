import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offlinePayments } from '@tessera/api/domain/payments/offline';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startJobs, type RunningJobs } from './jobs';
import { createSmtpTransport, type SmtpTransport } from './mailer';
import {
  quietLog,
  seedConfirmedBooking,
  startSmtpPeer,
  uniquePrefix,
  type SmtpPeer,
} from './test-support';

/**
 * Redis dies in the middle of a burst of bookings and comes back: every booking still gets
 * its confirmation, exactly once. Redis here is configured as production must be (an
 * append-only file fsynced on every write), since BullMQ keeps its queues only there.
 */

const startsAt = new Date('2027-05-20T23:00:00Z');
const prefix = uniquePrefix('redis-outage');

let testDb: TestDatabase;
let smtp: SmtpPeer;
let dataDir: string;
let port: number;
let redis: ChildProcess | undefined;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
}

async function startRedis(): Promise<void> {
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir].concat([
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
    ]),
    { stdio: 'ignore' },
  );
  const probe = new Redis({
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => 50,
  });
  probe.on('error', () => undefined);
  await vi.waitFor(() => probe.ping(), { timeout: 10_000, interval: 50 });
  probe.disconnect();
}

async function killRedis(): Promise<void> {
  const child = redis;
  if (!child || child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  testDb = await createTestDatabase({ poolSize: 4 });
  smtp = await startSmtpPeer();
  dataDir = await mkdtemp(join(tmpdir(), 'tessera-redis-'));
  port = await freePort();
  await startRedis();
});

afterAll(async () => {
  await killRedis();
  await rm(dataDir, { recursive: true, force: true });
  await smtp.close();
  await testDb.drop();
});

describe('a Redis outage during a burst of bookings', () => {
  it('delivers every confirmation afterwards, none twice', async () => {
    let transport: SmtpTransport | undefined;
    let jobs: RunningJobs | undefined;
    try {
      transport = createSmtpTransport(smtp.url, 'Harbour Arts <tickets@harbour.test>');
      jobs = await startJobs({
        db: testDb.db,
        redisUrl: `redis://127.0.0.1:${port}`,
        prefix,
        transport,
        payments: { stripe: null, provider: offlinePayments },
        log: quietLog,
        relayPollIntervalMs: 50,
      });

      const references: string[] = [];
      const book = async (count: number) => {
        for (let n = 0; n < count; n += 1) {
          references.push((await seedConfirmedBooking(testDb.db, startsAt)).reference);
        }
      };
      await book(15);
      await killRedis(); // mid-burst: some jobs relayed, some running, some not yet relayed
      await book(15);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await startRedis();

      const confirmations = () =>
        smtp.received.filter((mail) => mail.subject?.includes('confirmed'));
      await vi.waitFor(
        () => {
          const subjects = confirmations().map((mail) => mail.subject ?? '');
          for (const reference of references)
            expect(
              subjects.filter((subject) => subject.startsWith(`Booking ${reference} `)),
            ).toHaveLength(1);
        },
        // A job that was running when Redis died is retried once its lock lapses and the
        // stalled-job check finds it (30 s each by default): allow for both on a busy machine.
        { timeout: 200_000, interval: 200 },
      );
      const unrelayed = await testDb.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('relayedAt', 'is', null)
        .executeTakeFirstOrThrow();
      expect(unrelayed.count).toBe(0);
      // Nothing arrives late as a duplicate either.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(confirmations()).toHaveLength(references.length);
    } finally {
      await jobs?.close();
      transport?.close();
    }
  }, 240_000);
});
