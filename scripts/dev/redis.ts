import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { isListening, LOCALHOST, pollUntil } from './net';
import { startProcess, stopProcess } from './processes';

export interface RedisService {
  url: string;
  source: 'REDIS_URL' | 'running server' | 'embedded';
  stop: () => Promise<void>;
}

async function isOnPath(command: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      await fs.access(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** Sends PING and expects +PONG: the server is not only listening but serving. */
function pingRedis(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: LOCALHOST });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk) => done(chunk.toString().startsWith('+PONG')));
    socket.once('error', () => done(false));
  });
}

/**
 * REDIS_URL if set; else whatever listens on the port; else a `redis-server` child with no
 * persistence, its working directory under `<dataDir>/redis`. No npm package ships Redis.
 */
export async function provideRedis(options: {
  redisUrl: string | undefined;
  port: number;
  dataDir: string;
}): Promise<RedisService> {
  const noop = async () => {};
  const url = `redis://${LOCALHOST}:${options.port}`;
  if (options.redisUrl) return { url: options.redisUrl, source: 'REDIS_URL', stop: noop };
  if (await isListening(options.port)) return { url, source: 'running server', stop: noop };

  if (!(await isOnPath('redis-server'))) {
    throw new Error(
      'redis-server not found: install it (apt-get install redis-server / brew install redis) or set REDIS_URL',
    );
  }
  const dir = path.join(options.dataDir, 'redis');
  await fs.mkdir(dir, { recursive: true });
  const logfile = path.join(options.dataDir, 'redis.log');
  const args = [
    '--port',
    String(options.port),
    '--bind',
    LOCALHOST,
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
  ];
  // Its start-up banner would drown the apps' output; it is in the log file when needed.
  args.push('--logfile', logfile);
  const proc = startProcess('redis', 'redis-server', args);
  const failed = proc.exited.then(() => false);
  const ready = await Promise.race([
    pollUntil(() => pingRedis(options.port), { timeoutMs: 15_000, intervalMs: 100 }),
    failed,
  ]);
  if (!ready) {
    await stopProcess(proc);
    throw new Error(`redis-server did not become ready on port ${options.port}; see ${logfile}`);
  }
  return { url, source: 'embedded', stop: () => stopProcess(proc) };
}
