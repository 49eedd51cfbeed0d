import { attemptWebhookDelivery } from '@tessera/api/domain/webhooks/attempt';
import { createWebhookDeliveries } from '@tessera/api/domain/webhooks/fan-out';
import { webhookDeliveryJobId, type WebhookDeliveryJob } from '@tessera/api/domain/webhooks/jobs';
import type { WebhookRetryPolicy } from '@tessera/api/domain/webhooks/retry-schedule';
import type { Db } from '@tessera/db';
import type { BackoffStrategy, Job, Queue } from 'bullmq';
import { NonRetryableError } from '../errors';
import type { Logger } from '../log';
import { webhookDeliveriesQueue, webhookEventsQueue } from '../queues';
import { parseJobData } from '../queues/define';

/** One event, one delivery row and one job per subscribed endpoint (both idempotent). */
export function processWebhookEvent({ db, deliveries }: { db: Db; deliveries: Queue }) {
  return async (job: Job): Promise<{ deliveries: number }> => {
    const event = parseJobData(webhookEventsQueue, job.data);
    const ids = await createWebhookDeliveries(db, {
      outboxId: event.outboxId,
      orgId: event.orgId,
      eventType: event.eventType,
      bookingId: event.aggregateId,
      payload: event.payload,
    });
    await deliveries.addBulk(
      ids.map((deliveryId) => {
        const data: WebhookDeliveryJob = { deliveryId, orgId: event.orgId };
        return {
          name: 'webhook.delivery',
          data,
          opts: { jobId: webhookDeliveryJobId(deliveryId) },
        };
      }),
    );
    return { deliveries: ids.length };
  };
}

/** A failed attempt that will be tried again after `delayMs` (the webhook schedule's). */
class RetryWebhookLater extends Error {
  override readonly name = 'RetryWebhookLater';

  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}

/**
 * The delivery queue's backoff: the delay the failed attempt computed from the schedule, or,
 * for an unexpected error (the database away), the schedule's exponential step.
 */
export function webhookBackoff(policy: WebhookRetryPolicy): BackoffStrategy {
  return (attemptsMade, _type, error) =>
    error instanceof RetryWebhookLater
      ? error.delayMs
      : Math.min(policy.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1), policy.maxDelayMs);
}

/** One attempt of one delivery; the outcome decides between done, retry later and dead. */
export function processWebhookDelivery({
  db,
  policy,
  log,
}: {
  db: Db;
  policy: WebhookRetryPolicy;
  log: Logger;
}) {
  return async (job: Job): Promise<string> => {
    const { deliveryId } = parseJobData(webhookDeliveriesQueue, job.data);
    const result = await attemptWebhookDelivery(db, deliveryId, policy);
    switch (result.outcome) {
      case 'succeeded':
        return `delivered (${result.status})`;
      case 'skipped':
        log.info(`webhook delivery ${deliveryId}: nothing to do, ${result.reason}`);
        return result.reason;
      case 'retry':
        throw new RetryWebhookLater(
          `${result.reason}; next attempt in ${Math.round(result.delayMs / 1000)} s`,
          result.delayMs,
        );
      case 'dead':
        throw new NonRetryableError(`${result.reason}; no more attempts (delivery is dead)`);
    }
  };
}
