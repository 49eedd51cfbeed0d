import { z } from 'zod';

/** A job of the `webhook-deliveries` queue: one delivery, attempted until it succeeds or dies. */
export const WebhookDeliveryJob = z.object({ deliveryId: z.uuid(), orgId: z.uuid() });
export type WebhookDeliveryJob = z.infer<typeof WebhookDeliveryJob>;

/** The backoff type the worker's delivery processor answers with `nextRetryDelay`. */
export const WEBHOOK_BACKOFF_TYPE = 'webhook-schedule';

/**
 * Options of every delivery job, whoever adds it (the worker's fan-out, a staff retry):
 * BullMQ stores options with the job, not with the queue. The retry window, not the count,
 * ends the retries (retry-schedule.ts); the count is only a ceiling.
 */
export const WEBHOOK_DELIVERY_JOB_OPTIONS = {
  attempts: 100,
  backoff: { type: WEBHOOK_BACKOFF_TYPE },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  // Failed jobs are the dead letter staff look at: a week.
  removeOnFail: { age: 7 * 24 * 3600, count: 20_000 },
};

/**
 * One BullMQ job per delivery for its whole life: relaying an event twice adds it once,
 * and a staff retry re-runs (or promotes) that same job instead of starting a second chain.
 */
export function webhookDeliveryJobId(deliveryId: string): string {
  return `webhook-${deliveryId}`;
}
