import { z } from 'zod';
import { defineQueue, KEEP_COMPLETED, KEEP_FAILED } from './define';
import { OutboxJob } from './outbox-job';

/**
 * Events after which a date's waiting list may move: places came free (a hold expired or was
 * released, a booking was cancelled, expired or moved off the date), or an offer's hold was booked.
 */
export const WAITLIST_EVENT_TYPES = [
  'inventory.released',
  'hold.expired',
  'booking.cancelled',
  'booking.expired',
  'booking.payment_requested',
  'booking.confirmed',
] as const;

/** Offers go out a few at once; each date is offered under its own lock (waitlist/offers.ts). */
export const waitlistQueue = defineQueue({
  name: 'waitlist',
  payload: OutboxJob.extend({
    orgId: z.uuid(),
    eventType: z.enum(WAITLIST_EVENT_TYPES),
    aggregateType: z.enum(['hold', 'booking', 'occurrence']),
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
