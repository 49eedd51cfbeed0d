import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childProcessEnv, testEnv } from '@tessera/db/testing';
import { databaseUrl } from './index';

const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const READY = 'worker ready';

export interface QueueWorkerOptions {
  /** The suite's database. */
  databaseName: string;
  /** Its own BullMQ keys, apart from any queue a test drives itself. */
  queuePrefix: string;
  /** The booking site's address, for links in what it sends. */
  siteUrl: string;
}

/**
 * The worker's queue role (outbox relay, emails, the relayed-event announcements the realtime
 * gateway pushes from) against a suite's database, for the tests that need it. No SMTP_URL:
 * emails are recorded in outbound_messages.
 */
export async function startQueueWorker({
  databaseName,
  queuePrefix,
  siteUrl,
}: QueueWorkerOptions): Promise<{ stop: () => Promise<void> }> {
  const child: ChildProcess = spawn('pnpm', ['--filter', '@tessera/worker', 'start'], {
    cwd: workspaceRoot,
    env: childProcessEnv({
      WORKER_ROLES: 'queues',
      DATABASE_URL: databaseUrl(databaseName),
      REDIS_URL: testEnv.TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      PUBLIC_SITE_URL: siteUrl,
    }),
    // Its own process group, so stopping it stops pnpm's child too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(READY)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`worker exited (${code}) before ready:\n${output}`)),
    );
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.pid === undefined) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid, 'SIGTERM');
      }),
  };
}
