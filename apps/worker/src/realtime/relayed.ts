import type { Redis } from 'ioredis';
import type { Logger } from '../log';
import type { RelayedEvent } from '../relay';

/** Where the outbox relay announces what it has just relayed, for the gateways' live pushes. */
export const RELAYED_CHANNEL = 'tessera:relayed';

/**
 * After the relay's commit: one message per event. Best effort like every push (a Redis
 * failure loses only a push; browsers still poll slowly and refetch on reconnect).
 */
export function publishRelayed(redis: Redis, log: Logger, channel = RELAYED_CHANNEL) {
  return (events: readonly RelayedEvent[]): void => {
    if (events.length === 0) return;
    const pipeline = redis.pipeline();
    for (const event of events) pipeline.publish(channel, JSON.stringify(event));
    pipeline.exec().catch((error: unknown) => {
      log.warn(`realtime: relayed events not announced: ${String(error)}`);
    });
  };
}
