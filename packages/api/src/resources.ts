import { createDb, type Db } from '@tessera/db';
import { Redis } from 'ioredis';
import { env } from './env';

/**
 * The process-wide database pool and Redis client of a server (one per Next.js server or
 * worker), created on first use so that building an app opens no connection.
 */
let resources: { db: Db; redis: Redis } | undefined;

export function serverResources(): { db: Db; redis: Redis } {
  resources ??= {
    db: createDb(env.DATABASE_URL),
    redis: new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 }),
  };
  return resources;
}
