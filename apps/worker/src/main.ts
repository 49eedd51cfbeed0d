/**
 * The worker process. For now it proves its connections and shuts down cleanly; the BullMQ
 * processors and the Socket.IO gateway (see ARCHITECTURE.md) hang off this lifecycle.
 */
import { env } from '@tessera/api/env';
import { createDb } from '@tessera/db';
import { Redis } from 'ioredis';
import { sql } from 'kysely';

/** A stuck close must not keep a stopping process alive forever (deploys wait on it). */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const db = createDb(env.DATABASE_URL, { max: 2 });
const redis = new Redis(env.REDIS_URL, {
  lazyConnect: true,
  // Fail fast at startup instead of queueing commands while Redis is unreachable.
  maxRetriesPerRequest: 1,
});
// Without a listener ioredis prints every reconnect error as unhandled; say it once per error.
redis.on('error', (error) => console.error(`worker: redis error: ${error.message}`));

let stopping = false;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`worker stopping (${signal})`);
  const force = setTimeout(() => {
    console.error(`worker did not stop within ${SHUTDOWN_TIMEOUT_MS} ms; exiting`);
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  force.unref();
  await Promise.allSettled([redis.quit(), db.destroy()]);
  console.log('worker stopped');
  process.exit(0);
}

process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

async function start(): Promise<void> {
  await sql`select 1`.execute(db);
  await redis.connect();
  await redis.ping();
  console.log('worker ready (postgres ok, redis ok)');
}

start().catch(async (error: unknown) => {
  if (stopping) return; // closing the connections mid-start rejects `start`; shutdown exits.
  console.error(
    `worker failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  redis.disconnect();
  await db.destroy().catch(() => undefined);
  process.exit(1);
});
