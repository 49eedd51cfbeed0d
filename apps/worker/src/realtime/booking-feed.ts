import { bookingRoom, feedTicketCode, orgRoom } from '@tessera/api/realtime';
import type { Db } from '@tessera/db';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../log';
import { OutboxJob } from '../queues/outbox-job';
import { safeJson } from './availability-feed';
import type { RealtimeRedis } from './redis';
import type { GatewayServer } from './types';

/** Each relayed event is pushed by one instance; duplicates (relayed twice) are dropped too. */
const SEEN_TTL_MS = 10 * 60_000;

/**
 * Relayed outbox events of bookings (their own events and their tickets' check-ins) ->
 * `booking` in `booking:<reference>` and `feed` in `org:<id>`. The status is read when the
 * event is pushed, so an out-of-date event never shows an old status.
 */
export async function startBookingFeed({
  io,
  db,
  redis,
  channel,
  keyPrefix,
  log,
}: {
  io: GatewayServer;
  db: Db;
  redis: RealtimeRedis;
  /** Where the outbox relay publishes what it relayed (`publishRelayed`). */
  channel: string;
  keyPrefix: string;
  log: Logger;
}): Promise<void> {
  async function push(event: OutboxJob): Promise<void> {
    if (event.aggregateType !== 'booking' || !z.uuid().safeParse(event.aggregateId).success) return;
    if (!(await firstToSee(redis.commands, `${keyPrefix}:relayed:${event.outboxId}`))) return;
    const booking = await db
      .selectFrom('bookings')
      .select(['orgId', 'reference', 'status', 'occurrenceId'])
      .where('id', '=', event.aggregateId)
      .executeTakeFirst();
    if (!booking) return;
    const { orgId, reference, status, occurrenceId } = booking;
    io.to(bookingRoom(reference)).emit('booking', { reference, status });
    io.to(orgRoom(orgId)).emit('feed', {
      outboxId: event.outboxId,
      eventType: event.eventType,
      reference,
      status,
      occurrenceId,
      ticketCode: feedTicketCode(event.eventType, event.payload),
      at: new Date().toISOString(),
    });
  }

  redis.subscriber.on('message', (from: string, raw: string) => {
    if (from !== channel) return;
    const parsed = OutboxJob.safeParse(safeJson(raw));
    if (!parsed.success) {
      log.warn(`realtime: ignored a malformed relayed event: ${raw.slice(0, 200)}`);
      return;
    }
    push(parsed.data).catch((error: unknown) =>
      log.warn(`realtime: outbox event ${parsed.data.outboxId} not pushed: ${String(error)}`),
    );
  });
  await redis.subscriber.subscribe(channel);
}

async function firstToSee(redis: Redis, key: string): Promise<boolean> {
  return (await redis.set(key, '1', 'PX', SEEN_TTL_MS, 'NX')) === 'OK';
}
