import { Redis } from 'ioredis';
import type { Logger } from './log';

/**
 * Connections for BullMQ. Workers block on Redis and must wait out an outage
 * (`maxRetriesPerRequest: null`, which BullMQ requires); producers fail fast instead, so
 * the outbox relay rolls back and keeps its rows until Redis is back.
 */
export function createRedisConnection(
  url: string,
  role: 'worker' | 'producer',
  log: Logger,
): Redis {
  const redis =
    role === 'worker'
      ? new Redis(url, { maxRetriesPerRequest: null })
      : new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  // Without a listener ioredis prints every reconnect error as unhandled; say each new one once.
  let lastError = '';
  redis.on('error', (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    log.error(`redis (${role}) error: ${error.message}`);
  });
  redis.on('ready', () => {
    lastError = '';
  });
  return redis;
}
