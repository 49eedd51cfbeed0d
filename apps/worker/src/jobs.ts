import { redisInventoryEvents } from '@tessera/api/domain/events/inventory';
import type { MailTransport } from '@tessera/api/domain/notifications/deliver';
import type { configuredPayments } from '@tessera/api/domain/payments/configured';
import type { Db } from '@tessera/db';
import { Queue, UnrecoverableError, Worker, type Job, type Processor } from 'bullmq';
import type { Logger } from './log';
import { processDomainEvent } from './processors/domain-events';
import { processMaintenance } from './processors/maintenance';
import { processNotification } from './processors/notifications';
import {
  domainEventsQueue,
  maintenanceQueue,
  notificationsQueue,
  QUEUES,
  type QueueName,
} from './queues';
import type { MaintenanceTask } from './queues/maintenance';
import { createRedisConnection } from './redis';
import { createOutboxRelay, type OutboxRelay } from './relay';

export const HOLD_EXPIRY_EVERY_MS = 30_000;
export const STRIPE_RECONCILE_EVERY_MS = 5 * 60_000;

export interface StartJobsOptions {
  db: Db;
  redisUrl: string;
  /** BullMQ key prefix: tests use their own so parallel runs never share queues. */
  prefix?: string;
  transport: MailTransport | null;
  payments: ReturnType<typeof configuredPayments>;
  log: Logger;
  holdExpiryEveryMs?: number;
  stripeReconcileEveryMs?: number;
  relayPollIntervalMs?: number;
  /** Where the relay LISTENs for new outbox rows; without it, it only polls. */
  listenUrl?: string;
}

export interface RunningJobs {
  relay: OutboxRelay;
  queues: Record<QueueName, Queue>;
  workers: Worker[];
  /** Stops the relay, the workers and the queues, then closes both Redis connections. */
  close(): Promise<void>;
}

/** The outbox relay, one worker per queue and the schedules: everything the worker process runs. */
export async function startJobs(options: StartJobsOptions): Promise<RunningJobs> {
  const { db, redisUrl, prefix = 'tessera', transport, payments, log } = options;
  // Queues and the relay fail fast on an outage; workers wait it out (see redis.ts).
  const producer = createRedisConnection(redisUrl, 'producer', log);
  const consumer = createRedisConnection(redisUrl, 'worker', log);
  const events = redisInventoryEvents(producer);

  const queueFor = (config: (typeof QUEUES)[number]) => {
    const queue = new Queue(config.name, {
      connection: producer,
      prefix,
      defaultJobOptions: config.jobOptions,
    });
    // Reported once by the connection's listener (redis.ts); this keeps BullMQ from printing each.
    queue.on('error', (error: Error) => log.debug(`${config.name} queue: ${error.message}`));
    return queue;
  };
  const queues: Record<QueueName, Queue> = {
    notifications: queueFor(notificationsQueue),
    'domain-events': queueFor(domainEventsQueue),
    maintenance: queueFor(maintenanceQueue),
  };

  const processors: Record<QueueName, Processor> = {
    notifications: processNotification({ db, transport, log }),
    'domain-events': processDomainEvent({ log }),
    maintenance: processMaintenance({ db, events, payments, log }),
  };
  const workers = QUEUES.map((config) => {
    const worker = new Worker(config.name, processors[config.name], {
      connection: consumer,
      prefix,
      concurrency: config.concurrency,
    });
    worker.on('failed', (job: Job | undefined, error: Error) => {
      const final =
        error instanceof UnrecoverableError || !job || job.attemptsMade >= (job.opts.attempts ?? 1);
      const next = final
        ? 'kept in failed jobs'
        : `attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1}, retried with backoff`;
      log.warn(
        `${config.name} job ${job?.id ?? '?'} (${job?.name ?? '?'}) failed (${next}): ${error.message}`,
      );
    });
    // Connection trouble is reported by the connection's own listener; this keeps it from being unhandled.
    worker.on('error', (error: Error) => log.debug(`${config.name} worker: ${error.message}`));
    return worker;
  });

  const schedule = (task: MaintenanceTask, every: number) =>
    queues.maintenance.upsertJobScheduler(task, { every }, { name: task, data: { task } });
  await schedule('expire-holds', options.holdExpiryEveryMs ?? HOLD_EXPIRY_EVERY_MS);
  if (payments.stripe)
    await schedule('reconcile-stripe', options.stripeReconcileEveryMs ?? STRIPE_RECONCILE_EVERY_MS);
  // A deployment that drops its Stripe key stops reconciling.
  else await queues.maintenance.removeJobScheduler('reconcile-stripe');

  const relay = createOutboxRelay({
    db,
    queues,
    log,
    pollIntervalMs: options.relayPollIntervalMs,
    listenUrl: options.listenUrl,
  });
  relay.start();

  return {
    relay,
    queues,
    workers,
    async close() {
      await relay.stop();
      await Promise.allSettled(workers.map((worker) => worker.close()));
      await Promise.allSettled(Object.values(queues).map((queue) => queue.close()));
      // Shared connections are the caller's to close: BullMQ closes only what it duplicated.
      await Promise.allSettled([producer.quit(), consumer.quit()]);
    },
  };
}
