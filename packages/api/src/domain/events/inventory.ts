import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

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

/**
 * One message on the channel. Every gateway instance receives it; the id lets exactly one of
 * them act on it (apps/worker/src/realtime/availability-feed.ts).
 */
export const InventoryMessage = z.object({
  id: z.string().min(1),
  orgId: z.string(),
  occurrenceId: z.uuid().optional(),
  resourceId: z.uuid().optional(),
});
export type InventoryMessage = z.infer<typeof InventoryMessage>;

/**
 * A rush of holds on one date is one change per window to the screens showing it (the
 * gateway reads the date afresh for each), so a process publishes at most one message per
 * thing changed and window: the first at once, the rest folded into one at the window's end.
 * Publishing every hold cost about 7 % of an API process's CPU under load.
 */
const WINDOW_MS = 50;

function coalescing(publish: (change: InventoryChange) => void): (change: InventoryChange) => void {
  const open = new Map<string, { pending: InventoryChange | null }>();
  const close = (key: string, window: { pending: InventoryChange | null }) => {
    setTimeout(() => {
      if (!window.pending) {
        open.delete(key);
        return;
      }
      publish(window.pending);
      window.pending = null;
      close(key, window);
    }, WINDOW_MS).unref();
  };
  return (change) => {
    const key = `${change.orgId}:${change.occurrenceId ?? ''}:${change.resourceId ?? ''}`;
    const window = open.get(key);
    if (window) {
      window.pending = change;
      return;
    }
    publish(change);
    const opened = { pending: null };
    open.set(key, opened);
    close(key, opened);
  };
}

/** One publisher per Redis client and channel, so every request's context shares its windows. */
const publishers = new WeakMap<Redis, Map<string, InventoryEvents>>();

/** Publishes through Redis; a Redis outage never fails a booking (fail open). */
export function redisInventoryEvents(redis: Redis, channel = INVENTORY_CHANNEL): InventoryEvents {
  const byChannel = publishers.get(redis) ?? new Map<string, InventoryEvents>();
  publishers.set(redis, byChannel);
  const existing = byChannel.get(channel);
  if (existing) return existing;
  const publish = ({ orgId, occurrenceId, resourceId }: InventoryChange) => {
    const message: InventoryMessage = { id: randomUUID(), orgId, occurrenceId, resourceId };
    redis.publish(channel, JSON.stringify(message)).catch((error: unknown) => {
      console.warn(
        `inventory event not published: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  };
  const events: InventoryEvents = { changed: coalescing(publish) };
  byChannel.set(channel, events);
  return events;
}
