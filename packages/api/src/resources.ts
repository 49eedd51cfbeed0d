import { createDb, type Db } from '@tessera/db';
import { Redis } from 'ioredis';
import { env } from './env';

/**
 * The process-wide database pool and Redis client of a server (one per Next.js server or
 * worker), created on first use so that building an app opens no connection.
 */
let resources: { db: Db; redis: Redis } | undefined;

export function serverResources(): { db: Db; redis: Redis } {
  if (!resources) {
    const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
    // Redis down degrades realtime and rate limits; it must not crash a server. ioredis reconnects.
    redis.on('error', (error: Error) => console.warn(`redis: ${error.message}`));
    resources = { db: createDb(env.DATABASE_URL), redis };
  }
  return resources;
}
