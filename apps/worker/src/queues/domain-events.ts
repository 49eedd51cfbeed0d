import { defineQueue, KEEP_COMPLETED, KEEP_FAILED } from './define';
import { OutboxJob } from './outbox-job';

/**
 * Outbox events nobody is told about yet (hold.expired, inventory.released, payment
 * requested, attention): logged, so the relay always has somewhere to put a row and the
 * next consumers (waitlist offers, outgoing webhooks) have a queue to grow into.
 */
export const domainEventsQueue = defineQueue({
  name: 'domain-events',
  payload: OutboxJob,
  concurrency: 10,
  jobOptions: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_FAILED,
  },
});
