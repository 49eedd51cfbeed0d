import { defineQueue, KEEP_COMPLETED, KEEP_FAILED } from './define';
import { OutboxJob } from './outbox-job';

/**
 * Outbox events no other queue handles (booking.attention today): logged, so the relay
 * always has somewhere to put a row.
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
