/**
 * Every BullMQ queue the worker runs, by name. The worker defines each queue's settings
 * under one of these names; the API reads the same queues for staff (dead letter, retries).
 */
export const QUEUE_NAMES = [
  'notifications',
  'domain-events',
  'maintenance',
  'waitlist',
  'webhook-events',
  'webhook-deliveries',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];
