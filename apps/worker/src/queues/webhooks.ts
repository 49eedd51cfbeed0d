import { WEBHOOK_EVENT_TYPES } from '@tessera/api/domain/webhooks/events';
import {
  WEBHOOK_DELIVERY_JOB_OPTIONS,
  WebhookDeliveryJob,
} from '@tessera/api/domain/webhooks/jobs';
import { z } from 'zod';
import { defineQueue, KEEP_COMPLETED, KEEP_FAILED } from './define';
import { OutboxJob } from './outbox-job';

/** Booking events, fanned out to one delivery per subscribed endpoint of the org. */
export const webhookEventsQueue = defineQueue({
  name: 'webhook-events',
  payload: OutboxJob.extend({
    orgId: z.uuid(),
    eventType: z.enum(WEBHOOK_EVENT_TYPES),
    aggregateType: z.literal('booking'),
    aggregateId: z.uuid(),
  }),
  concurrency: 5,
  jobOptions: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_FAILED,
  },
});

/**
 * One POST per job; a failure is retried on the webhook schedule (retry-schedule.ts, up to
 * 24 hours), then the job fails for good and the delivery is dead. Many at once: receivers
 * are slow, not this process.
 */
export const webhookDeliveriesQueue = defineQueue({
  name: 'webhook-deliveries',
  payload: WebhookDeliveryJob,
  concurrency: 20,
  jobOptions: WEBHOOK_DELIVERY_JOB_OPTIONS,
});
