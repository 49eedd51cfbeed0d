import { redisInventoryEvents } from '@tessera/api/domain/events/inventory';
import type { MailTransport, SmsProvider } from '@tessera/api/domain/notifications/deliver';
import type { configuredPayments } from '@tessera/api/domain/payments/configured';
import type { OfferSettings } from '@tessera/api/domain/waitlist/offers';
import {
  DEFAULT_WEBHOOK_RETRY,
  type WebhookRetryPolicy,
} from '@tessera/api/domain/webhooks/retry-schedule';
import { env } from '@tessera/api/env';
import type { Db } from '@tessera/db';
import { Queue, UnrecoverableError, Worker, type Job, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from './log';
import { processDomainEvent } from './processors/domain-events';
import { processMaintenance } from './processors/maintenance';
import { processNotification } from './processors/notifications';
import { processWaitlistEvent } from './processors/waitlist';
import { processWebhookDelivery, processWebhookEvent, webhookBackoff } from './processors/webhooks';
import {
  domainEventsQueue,
  maintenanceQueue,
  notificationsQueue,
  QUEUES,
  waitlistQueue,
  webhookDeliveriesQueue,
  webhookEventsQueue,
  type QueueName,
} from './queues';
import { expireHoldsIn, type MaintenanceTask } from './queues/maintenance';
import { createRedisConnection } from './redis';
import { publishRelayed } from './realtime/relayed';
import { createOutboxRelay, type OutboxRelay } from './relay';

export const HOLD_EXPIRY_EVERY_MS = 30_000;
export const STRIPE_RECONCILE_EVERY_MS = 5 * 60_000;
/** Reminders are due at T-24h and T-2h: a minute late is on time. */
export const REMINDERS_EVERY_MS = 60_000;
export const MESSAGE_SWEEP_EVERY_MS = 60_000;
export const PRUNE_EVERY_MS = 60 * 60_000;

export interface StartJobsOptions {
  db: Db;
  redisUrl: string;
  /** BullMQ key prefix: tests use their own so parallel runs never share queues. */
  prefix?: string;
  transport: MailTransport | null;
  /** Where texts go; none (the default, see sms.ts) records them only. */
  sms?: SmsProvider | null;
  payments: ReturnType<typeof configuredPayments>;
  log: Logger;
  holdExpiryEveryMs?: number;
  stripeReconcileEveryMs?: number;
  relayPollIntervalMs?: number;
  /** Where the relay LISTENs for new outbox rows; without it, it only polls. */
  listenUrl?: string;
  /** Waiting-list offers: hold time and claim links (default: WAITLIST_OFFER_TTL_MINUTES, PUBLIC_SITE_URL). */
  waitlistOffers?: OfferSettings;
  /** When failed webhook deliveries are tried again (default: retry-schedule.ts). */
  webhookRetry?: WebhookRetryPolicy;
}

export interface RunningJobs {
  relay: OutboxRelay;
  queues: Record<QueueName, Queue>;
  workers: Worker[];
  /** Stops the relay, the workers and the queues, then closes both Redis connections. */
  close(): Promise<void>;
}

/** A producer handle on every queue, with its job options (the relay's and the processors'). */
export function openQueues(
  connection: Redis,
  prefix: string,
  log: Logger,
): Record<QueueName, Queue> {
  const queueFor = (config: (typeof QUEUES)[number]) => {
    const queue = new Queue(config.name, {
      connection,
      prefix,
      defaultJobOptions: config.jobOptions,
    });
    // Reported once by the connection's listener (redis.ts); this keeps BullMQ from printing each.
    queue.on('error', (error: Error) => log.debug(`${config.name} queue: ${error.message}`));
    return queue;
  };
  return {
    notifications: queueFor(notificationsQueue),
    'domain-events': queueFor(domainEventsQueue),
    maintenance: queueFor(maintenanceQueue),
    waitlist: queueFor(waitlistQueue),
    'webhook-events': queueFor(webhookEventsQueue),
    'webhook-deliveries': queueFor(webhookDeliveriesQueue),
  };
}

/** The outbox relay, one worker per queue and the schedules: everything the worker process runs. */
export async function startJobs(options: StartJobsOptions): Promise<RunningJobs> {
  const { db, redisUrl, prefix = 'tessera', transport, payments, log } = options;
  const sms = options.sms ?? null;
  // Queues and the relay fail fast on an outage; workers wait it out (see redis.ts).
  const producer = createRedisConnection(redisUrl, 'producer', log);
  const consumer = createRedisConnection(redisUrl, 'worker', log);
  const events = redisInventoryEvents(producer);

  const queues = openQueues(producer, prefix, log);
  const webhookRetry = options.webhookRetry ?? DEFAULT_WEBHOOK_RETRY;

  const processors: Record<QueueName, Processor> = {
    notifications: processNotification({ db, transport, sms, log }),
    'domain-events': processDomainEvent({ log }),
    maintenance: processMaintenance({
      db,
      events,
      payments,
      transport,
      sms,
      log,
      expireHoldsIn: (delayMs) => expireHoldsIn(queues.maintenance, delayMs),
    }),
    waitlist: processWaitlistEvent({
      db,
      events,
      offers: options.waitlistOffers ?? {
        offerMinutes: env.WAITLIST_OFFER_TTL_MINUTES,
        siteUrl: env.PUBLIC_SITE_URL,
      },
      log,
    }),
    'webhook-events': processWebhookEvent({ db, deliveries: queues['webhook-deliveries'] }),
    'webhook-deliveries': processWebhookDelivery({ db, policy: webhookRetry, log }),
  };
  const workers = QUEUES.map((config) => {
    const worker = new Worker(config.name, processors[config.name], {
      connection: consumer,
      prefix,
      concurrency: config.concurrency,
      // Only deliveries use a custom backoff type; the others use BullMQ's built-in ones.
      settings: { backoffStrategy: webhookBackoff(webhookRetry) },
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
  await schedule('send-reminders', REMINDERS_EVERY_MS);
  await schedule('resend-stuck-messages', MESSAGE_SWEEP_EVERY_MS);
  await schedule('prune-old-data', PRUNE_EVERY_MS);
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
    onRelayed: publishRelayed(producer, log),
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
