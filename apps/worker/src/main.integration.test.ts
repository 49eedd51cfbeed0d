import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childProcessEnv, createTestDatabase, testEnv } from '@tessera/db/testing';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createRedisConnection } from './redis';
import { quietLog, seedConfirmedBooking, startSmtpPeer, uniquePrefix } from './test-support';

const databaseUrl = testEnv.TEST_DATABASE_URL;
const redisUrl = testEnv.TEST_REDIS_URL;

const workerDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// tsx as a loader inside node, not the tsx CLI: the CLI relays signals to its child and
// SIGKILLs it when the child has not acknowledged within 30 ms, which a loaded machine misses.
const tsxLoader = createRequire(import.meta.url).resolve('tsx');
// The spawned workers' queues live under their own Redis prefix, removed after the run.
const queuePrefix = uniquePrefix('main');

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface RunningWorker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<Exit>;
  waitForLine: (pattern: RegExp, timeoutMs: number) => Promise<void>;
}

const started: ChildProcess[] = [];

function startWorker(env: Record<string, string>): RunningWorker {
  const child = spawn(process.execPath, ['--import', tsxLoader, 'src/main.ts'], {
    cwd: workerDir,
    // REALTIME_PORT 0: the gateway (both roles run by default) never clashes with `pnpm dev`'s.
    env: childProcessEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      QUEUE_PREFIX: queuePrefix,
      REALTIME_PORT: '0',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const waitForLine = (pattern: RegExp, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(output)) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${output}`));
      }, timeoutMs);
      const onExit = () => {
        cleanup();
        reject(new Error(`worker exited before printing ${pattern}; output:\n${output}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off('exit', onExit);
      };
      listeners.add(check);
      child.once('exit', onExit);
      check();
    });

  return { child, output: () => output, exited, waitForLine };
}

afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

afterAll(async () => {
  const redis = createRedisConnection(redisUrl, 'worker', quietLog);
  const keys = await redis.keys(`${queuePrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('worker process', () => {
  it('connects to Postgres and Redis, then stops cleanly on SIGTERM', async () => {
    const worker = startWorker({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl });
    await worker.waitForLine(/worker ready \(postgres ok, redis ok\)/, 40_000);

    worker.child.kill('SIGTERM');
    const exit = await worker.exited;

    expect(exit, worker.output()).toEqual({ code: 0, signal: null });
    expect(worker.output()).toContain('worker stopped');
  });

  it('also stops cleanly on SIGINT (Ctrl+C)', async () => {
    const worker = startWorker({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl });
    await worker.waitForLine(/worker ready/, 40_000);

    worker.child.kill('SIGINT');

    expect(await worker.exited, worker.output()).toEqual({ code: 0, signal: null });
  });

  it('turns an outbox row into an email at an SMTP server, then stops cleanly', async () => {
    const testDb = await createTestDatabase({ poolSize: 2 });
    const smtp = await startSmtpPeer();
    try {
      const booking = await seedConfirmedBooking(testDb.db, new Date('2027-06-01T18:00:00Z'));
      const worker = startWorker({
        DATABASE_URL: testDb.url,
        REDIS_URL: redisUrl,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Harbour Arts <tickets@harbour.test>',
      });
      await worker.waitForLine(/worker ready/, 40_000);

      await vi.waitFor(() => expect(smtp.received).toHaveLength(1), {
        timeout: 20_000,
        interval: 100,
      });
      expect(smtp.received[0]?.subject).toContain(booking.reference);
      expect(smtp.received[0]?.from?.text).toContain('tickets@harbour.test');
      await vi.waitFor(async () => {
        const message = await testDb.db
          .selectFrom('outboundMessages')
          .select('status')
          .where('bookingId', '=', booking.bookingId)
          .executeTakeFirst();
        expect(message?.status).toBe('sent');
      });

      worker.child.kill('SIGTERM');
      expect(await worker.exited, worker.output()).toEqual({ code: 0, signal: null });
    } finally {
      await smtp.close();
      await testDb.drop();
    }
  });

  it('refuses to start, with a reason, when Postgres is unreachable', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const worker = startWorker({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/tessera',
      REDIS_URL: redisUrl,
    });

    const exit = await worker.exited;

    expect(exit.code, worker.output()).toBe(1);
    expect(worker.output()).toMatch(/worker failed to start: .*ECONNREFUSED/);
  });
});
