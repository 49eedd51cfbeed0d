import type { Db } from '@tessera/db';
import type { Queue } from 'bullmq';
import { sql } from 'kysely';
import type { Logger } from './log';
import { outboxJobId, queueForEvent, type QueueName } from './queues';

export interface OutboxRelayOptions {
  db: Db;
  /** Where relayed events go: one BullMQ queue per name `queueForEvent` can return. */
  queues: Record<QueueName, Queue>;
  log: Logger;
  batchSize?: number;
  /** How often it looks for new rows (there is no NOTIFY from the API yet). */
  pollIntervalMs?: number;
  /** The longest a batch waits on Redis before it rolls back and leaves its rows for later. */
  addTimeoutMs?: number;
}

export interface OutboxRelay {
  /** Relays every row pending now, batch by batch; returns how many. Throws when Redis or Postgres fails. */
  relayPending(): Promise<number>;
  /** Relays on a timer until `stop`. */
  start(): void;
  stop(): Promise<void>;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Moves `outbox` rows to BullMQ (ARCHITECTURE.md, invariant 4). Each batch is locked with
 * FOR UPDATE SKIP LOCKED, so two relays never take the same rows; the jobs are added, then
 * the rows are marked relayed in the same transaction. If Redis fails the transaction rolls
 * back and the rows wait for the next round. A crash after the add but before the commit
 * relays a row again, and the job id `outbox-<id>` makes BullMQ keep the first job only.
 */
export function createOutboxRelay({
  db,
  queues,
  log,
  batchSize = 100,
  pollIntervalMs = 500,
  addTimeoutMs = 5_000,
}: OutboxRelayOptions): OutboxRelay {
  let stopped = true;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let lastError: string | undefined;

  async function relayBatch(): Promise<number> {
    let ids: number[] = [];
    try {
      return await db.transaction().execute(async (tx) => {
        const rows = await tx
          .selectFrom('outbox')
          .select(['id', 'orgId', 'eventType', 'aggregateType', 'aggregateId', 'payload'])
          .where('relayedAt', 'is', null)
          .orderBy('id')
          .limit(batchSize)
          .forUpdate()
          .skipLocked()
          .execute();
        ids = rows.map((row) => row.id);
        if (rows.length === 0) return 0;
        const byQueue = new Map<
          QueueName,
          { name: string; data: unknown; opts: { jobId: string } }[]
        >();
        for (const row of rows) {
          const queueName = queueForEvent(row.eventType);
          const jobs = byQueue.get(queueName) ?? [];
          // The payload is checked by the processor: a bad one fails there, visibly, instead of blocking the relay.
          const data = {
            outboxId: row.id,
            orgId: row.orgId,
            eventType: row.eventType,
            aggregateType: row.aggregateType,
            aggregateId: row.aggregateId,
            payload: row.payload,
          };
          jobs.push({ name: row.eventType, data, opts: { jobId: outboxJobId(row.id) } });
          byQueue.set(queueName, jobs);
        }
        await withTimeout(
          Promise.all([...byQueue].map(([queueName, jobs]) => queues[queueName].addBulk(jobs))),
          addTimeoutMs,
          'adding jobs to Redis',
        );
        await tx
          .updateTable('outbox')
          .set({
            relayedAt: sql<Date>`now()`,
            attempts: sql<number>`attempts + 1`,
            lastError: null,
          })
          .where('id', 'in', ids)
          .execute();
        return rows.length;
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (ids.length > 0) {
        // Kept on the rows for staff; best effort, Postgres may be what failed.
        await db
          .updateTable('outbox')
          .set({ attempts: sql<number>`attempts + 1`, lastError: message })
          .where('id', 'in', ids)
          .where('relayedAt', 'is', null)
          .execute()
          .catch(() => undefined);
      }
      throw error;
    }
  }

  async function relayPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const relayed = await relayBatch();
      total += relayed;
      if (relayed < batchSize) return total;
    }
  }

  async function run(): Promise<void> {
    while (!stopped) {
      try {
        const relayed = await relayPending();
        if (lastError !== undefined) log.info('outbox relay: recovered');
        lastError = undefined;
        if (relayed > 0) log.debug(`outbox relay: ${relayed} event(s) relayed`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Once per distinct error, not every half second of an outage.
        if (message !== lastError)
          log.warn(`outbox relay: ${message}; rows stay in the outbox and are retried`);
        lastError = message;
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  return {
    relayPending,
    start() {
      if (!stopped) return;
      stopped = false;
      loop = run();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
