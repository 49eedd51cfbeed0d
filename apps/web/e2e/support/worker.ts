import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { databaseUrl } from '@tessera/playwright-config';
import { childProcessEnv, testEnv } from '@tessera/db/testing';
import { E2E_DATABASE } from './database-name';

const workspaceRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const READY = 'worker ready';

/**
 * The worker's queue role (outbox relay, emails) against the suite's database, for tests that
 * need a message it sends. No SMTP_URL: emails are recorded in outbound_messages.
 */
export async function startQueueWorker(): Promise<{ stop: () => Promise<void> }> {
  const child: ChildProcess = spawn('pnpm', ['--filter', '@tessera/worker', 'start'], {
    cwd: workspaceRoot,
    env: childProcessEnv({
      WORKER_ROLES: 'queues',
      DATABASE_URL: databaseUrl(E2E_DATABASE),
      REDIS_URL: testEnv.TEST_REDIS_URL,
      QUEUE_PREFIX: `tessera-e2e-web-${process.pid}`,
      PUBLIC_SITE_URL: 'http://127.0.0.1:3100',
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
