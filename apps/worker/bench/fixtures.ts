/** Data and side measurements of the realtime benchmark. */
import { randomUUID } from 'node:crypto';
import { enqueueOutbox } from '@tessera/api/domain/shared/outbox';
import type { Db } from '@tessera/db';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createSeatMap,
  createTicketType,
  createVenue,
} from '@tessera/db/seed';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createLogger } from '../src/log';
import { QUEUES, type QueueName } from '../src/queues';
import { createOutboxRelay } from '../src/relay';
import { now } from './figures';

/** A published concert with `seats` seats in rows of 100. */
export async function concert(db: Db, seats: number) {
  const org = await createOrg(db);
  const venue = await createVenue(db, { org });
  const offering = await createOffering(db, { org, venue });
  await createTicketType(db, { offering, name: 'Standard', seatCategory: 'standard' });
  const { seatMap, seats: created } = await createSeatMap(db, {
    org,
    venue,
    sections: [
      { name: 'Stalls', rows: Math.ceil(seats / 100), seatsPerRow: 100, category: 'standard' },
    ],
  });
  const occurrence = await createOccurrence(db, { offering, seatMap });
  return { occurrenceId: occurrence.id, seatIds: created.map((seat) => seat.id) };
}

/** Outbox rows relayed to BullMQ per second: `rows` pending rows, one `relayPending`. */
export async function measureRelay(db: Db, redisUrl: string, prefix: string, rows = 5_000) {
  const org = await createOrg(db);
  await db.transaction().execute((tx) =>
    enqueueOutbox(
      tx,
      Array.from({ length: rows }, () => ({
        orgId: org.id,
        aggregateType: 'hold' as const,
        aggregateId: randomUUID(),
        eventType: 'inventory.released' as const,
        payload: {},
      })),
    ),
  );
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const queues = Object.fromEntries(
    QUEUES.map((config) => [config.name, new Queue(config.name, { connection, prefix })]),
  ) as Record<QueueName, Queue>; // one entry per queue name, built from the same list
  const relay = createOutboxRelay({ db, queues, log: createLogger('warn', 'relay (bench)') });
  const started = now();
  const relayed = await relay.relayPending();
  const seconds = (now() - started) / 1000;
  await Promise.all(Object.values(queues).map((queue) => queue.obliterate({ force: true })));
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
  await connection.quit();
  return { rows: relayed, seconds };
}
