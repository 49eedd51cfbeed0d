import { Redis } from 'ioredis';
import type { Logger } from '../log';

/**
 * The gateway's Redis connections: commands (coalescing, dedupe, the adapter's publishes),
 * the adapter's subscriber, and the subscriber to the API's and the relay's channels. All
 * three are closed by `close`, before the process lets Redis go (STACK.md's trap).
 */
export interface RealtimeRedis {
  commands: Redis;
  adapterSubscriber: Redis;
  subscriber: Redis;
  close(): Promise<void>;
}

/** `name` labels the connections in Redis's CLIENT LIST (`<name>:commands`, …). */
export function createRealtimeRedis(url: string, name: string, log: Logger): RealtimeRedis {
  const connect = (role: string, options: { maxRetriesPerRequest: number | null }) => {
    const redis = new Redis(url, { ...options, connectionName: `${name}:${role}` });
    // Once per distinct error: a Redis outage pauses pushes, clients refetch when it is back.
    let lastError = '';
    redis.on('error', (error: Error) => {
      if (error.message === lastError) return;
      lastError = error.message;
      log.error(`redis (realtime ${role}) error: ${error.message}`);
    });
    redis.on('ready', () => {
      lastError = '';
    });
    return redis;
  };
  // Commands fail fast (a push is best effort); subscribers wait out an outage and resubscribe.
  const commands = connect('commands', { maxRetriesPerRequest: 1 });
  const adapterSubscriber = connect('adapter', { maxRetriesPerRequest: null });
  const subscriber = connect('subscriber', { maxRetriesPerRequest: null });
  return {
    commands,
    adapterSubscriber,
    subscriber,
    async close() {
      await Promise.allSettled([commands, adapterSubscriber, subscriber].map((r) => r.quit()));
    },
  };
}
