import { occurrenceAvailability } from '@tessera/api/domain/availability/occurrence';
import { InventoryMessage } from '@tessera/api/domain/events/inventory';
import { AppError } from '@tessera/api/errors';
import { occurrenceRoom, pushedSeats, type AvailabilityEvent } from '@tessera/api/realtime';
import type { Db } from '@tessera/db';
import type { Logger } from '../log';
import { createCoalescer, type Coalescer } from './coalescer';
import type { RealtimeRedis } from './redis';
import type { GatewayServer } from './types';

/** What a seat map and the ticket counts need, from what the availability query answers. */
export async function availabilityEvent(db: Db, occurrenceId: string): Promise<AvailabilityEvent> {
  const availability = await occurrenceAvailability(db, { occurrenceId });
  return {
    occurrenceId,
    remaining: availability.remaining,
    ticketTypes: availability.ticketTypes.map(({ id, remaining, price }) => ({
      id,
      remaining,
      price,
    })),
    seats: pushedSeats(availability.seats ?? []),
  };
}

export interface AvailabilityFeedOptions {
  io: GatewayServer;
  db: Db;
  redis: RealtimeRedis;
  /** Where the API publishes inventory changes (`tessera:inventory`). */
  channel: string;
  keyPrefix: string;
  coalesceMs: number;
  log: Logger;
}

/**
 * Inventory changes -> `availability` in `occurrence:<id>`. Every instance hears each
 * change; the coalescer lets one of them read it (at most once per occurrence per window,
 * cluster-wide) and its emit reaches the clients of every instance through the adapter.
 */
export async function startAvailabilityFeed({
  io,
  db,
  redis,
  channel,
  keyPrefix,
  coalesceMs,
  log,
}: AvailabilityFeedOptions): Promise<Coalescer> {
  const coalescer = createCoalescer({
    redis: redis.commands,
    keyPrefix: `${keyPrefix}:availability`,
    windowMs: coalesceMs,
    log,
    async work(occurrenceId) {
      try {
        io.to(occurrenceRoom(occurrenceId)).emit(
          'availability',
          await availabilityEvent(db, occurrenceId),
        );
      } catch (error) {
        // An unpublished offering is not shown to anyone: nothing to push.
        if (error instanceof AppError && error.code === 'NOT_FOUND') return;
        throw error;
      }
    },
  });
  redis.subscriber.on('message', (from: string, raw: string) => {
    if (from !== channel) return;
    const parsed = InventoryMessage.safeParse(safeJson(raw));
    if (!parsed.success) {
      log.warn(`realtime: ignored a malformed inventory message: ${raw.slice(0, 200)}`);
      return;
    }
    const { id, occurrenceId } = parsed.data;
    if (!occurrenceId) return; // slot changes have no room yet
    coalescer.offer(occurrenceId, id).catch((error: unknown) => {
      log.warn(`realtime: inventory change not offered: ${String(error)}`);
    });
  });
  await redis.subscriber.subscribe(channel);
  return coalescer;
}

export function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
