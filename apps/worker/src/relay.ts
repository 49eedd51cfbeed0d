import type { Db } from '@tessera/db';
import type { Queue } from 'bullmq';
import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from './log';
import { outboxJobId, queuesForEvent, type QueueName } from './queues';

export interface OutboxRelayOptions {
  db: Db;
  /** Where relayed events go: one BullMQ queue per name `queuesForEvent` can return. */
  queues: Record<QueueName, Queue>;
  log: Logger;
  batchSize?: number;
  /** How often it looks for new rows when nothing wakes it. */
  pollIntervalMs?: number;
  /**
   * Postgres to LISTEN on for `tessera_outbox` (sent by the outbox trigger at commit): new
   * rows are relayed at once instead of at the next poll. Polling goes on regardless.
   */
  listenUrl?: string;
  /** The longest a batch waits on Redis before it rolls back and leaves its rows for later. */
  addTimeoutMs?: number;
  /** Told what was relayed, after the commit: the realtime gateways push booking changes from it. */
  onRelayed?: (events: RelayedEvent[]) => void;
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
export const OUTBOX_CHANNEL = 'tessera_outbox';

/** What a job carries for one row: the row itself, minus bookkeeping (queues/outbox-job.ts). */
function relayedEvent(row: {
  id: number;
  orgId: string | null;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  payload: unknown;
}) {
  const { id, ...event } = row;
  return { outboxId: id, ...event };
}
export type RelayedEvent = ReturnType<typeof relayedEvent>;
const LISTEN_RETRY_MS = 5_000;

export function createOutboxRelay({
  db,
  queues,
  log,
  batchSize = 100,
  pollIntervalMs = 500,
  addTimeoutMs = 5_000,
  listenUrl,
  onRelayed,
}: OutboxRelayOptions): OutboxRelay {
  let stopped = true;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  // Set by a notification that arrives mid-round: the loop goes round again without sleeping.
  let nudged = false;
  let lastError: string | undefined;
  let listener: pg.Client | undefined;
  let listenRetry: NodeJS.Timeout | undefined;

  function nudge(): void {
    nudged = true;
    wake?.();
  }

  /** A lost listener only costs latency (polling goes on), so it reconnects quietly. */
  async function listen(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    listener = client;
    const retry = (error: Error) => {
      log.warn(
        `outbox relay: LISTEN ${OUTBOX_CHANNEL} lost (${error.message}); polling every ${pollIntervalMs} ms meanwhile`,
      );
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (listener === client) listener = undefined;
      if (!stopped) listenRetry = setTimeout(() => void listen(url), LISTEN_RETRY_MS);
    };
    client.on('error', retry);
    client.on('notification', nudge);
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      nudge(); // rows written while it was not listening
    } catch (error) {
      if (listener === client) retry(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async function relayBatch(): Promise<number> {
    let ids: number[] = [];
    let relayed: RelayedEvent[] = [];
    try {
      const count = await db.transaction().execute(async (tx) => {
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
        relayed = rows.map(relayedEvent);
        if (rows.length === 0) return 0;
        const byQueue = new Map<
          QueueName,
          { name: string; data: unknown; opts: { jobId: string } }[]
        >();
        for (const row of rows) {
          // The payload is checked by the processor: a bad one fails there, visibly, instead of blocking the relay.
          const data = relayedEvent(row);
          // Job ids are unique per queue: the same id in each queue the event goes to.
          for (const queueName of queuesForEvent(row.eventType)) {
            const jobs = byQueue.get(queueName) ?? [];
            jobs.push({ name: row.eventType, data, opts: { jobId: outboxJobId(row.id) } });
            byQueue.set(queueName, jobs);
          }
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
      // After the commit: nothing is announced for a batch that rolled back.
      onRelayed?.(relayed);
      return count;
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
      nudged = false;
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
      if (nudged && lastError === undefined) continue;
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
      if (listenUrl) void listen(listenUrl);
    },
    async stop() {
      stopped = true;
      clearTimeout(listenRetry);
      const client = listener;
      listener = undefined;
      client?.removeAllListeners();
      client?.on('error', () => undefined);
      wake?.();
      await Promise.allSettled([loop, client?.end()]);
    },
  };
}
