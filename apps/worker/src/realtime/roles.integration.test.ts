import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { occurrenceRoom } from '@tessera/api/realtime';
import { childProcessEnv } from '@tessera/db/testing';
import { describe, expect, it } from 'vitest';
import { uniquePrefix } from '../test-support';
import { connectClient, joinRoom } from './test-clients';

const workerDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

/** `src/main.ts` as a child process, with its output and exit. */
function startWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', tsxLoader, 'src/main.ts'], {
    cwd: workerDir,
    env: childProcessEnv({ NODE_ENV: 'test', LOG_LEVEL: 'info', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const changed = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const listener of changed) listener();
    });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) {
          changed.delete(check);
          resolve(match);
        }
      };
      changed.add(check);
      void exited.then(() => reject(new Error(`worker exited before ${pattern}:\n${output}`)));
      check();
    });
  return { child, exited, waitFor, output: () => output };
}

describe('WORKER_ROLES', () => {
  it('realtime alone: the gateway starts without Postgres, serves a client and stops cleanly on SIGTERM', async () => {
    const worker = startWorker({
      WORKER_ROLES: 'realtime',
      REALTIME_PORT: '0',
      QUEUE_PREFIX: uniquePrefix('roles'),
      // Nothing listens there: only the queues role needs Postgres at start.
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
    });
    const [, port] = await worker.waitFor(/realtime gateway on port (\d+)/);
    await worker.waitFor(/worker ready \(redis ok\)/);
    expect(worker.output()).not.toMatch(/outbox relay/);

    const socket = await connectClient(`http://127.0.0.1:${port}`);
    expect(await joinRoom(socket, { room: occurrenceRoom(randomUUID()) })).toEqual({ ok: true });
    const dropped = new Promise((resolve) => socket.once('disconnect', resolve));
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    await dropped;
    expect(worker.output()).toMatch(/worker stopped/);
  });

  it('refuses an unknown role, naming the variable', async () => {
    const worker = startWorker({ WORKER_ROLES: 'queues,websockets' });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toMatch(/WORKER_ROLES/);
  });
});
