import type { Redis } from 'ioredis';

/** What changed, for screens showing availability (the realtime gateway fans it out). */
export interface InventoryChange {
  orgId: string;
  occurrenceId?: string;
  resourceId?: string;
}

export interface InventoryEvents {
  /** Called after commit. Best effort: a lost push is repaired by clients refetching. */
  changed(change: InventoryChange): void;
}

export const INVENTORY_CHANNEL = 'tessera:inventory';

/** Publishes through Redis; a Redis outage never fails a booking (fail open). */
export function redisInventoryEvents(redis: Redis): InventoryEvents {
  return {
    changed(change) {
      redis.publish(INVENTORY_CHANNEL, JSON.stringify(change)).catch((error: unknown) => {
        console.warn(
          `inventory event not published: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    },
  };
}
