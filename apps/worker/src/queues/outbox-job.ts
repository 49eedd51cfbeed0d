import { z } from 'zod';

/**
 * What the relay puts on a queue for one `outbox` row: the row itself, minus bookkeeping.
 * Producer (relay) and processors share this schema.
 */
export const OutboxJob = z.object({
  outboxId: z.number().int().positive(),
  orgId: z.uuid().nullable(),
  eventType: z.string().min(1),
  aggregateType: z.string().min(1),
  aggregateId: z.string().min(1),
  payload: z.record(z.string(), z.unknown()),
});
export type OutboxJob = z.infer<typeof OutboxJob>;

/**
 * BullMQ ignores an add whose job id already exists, so relaying a row twice (a crash
 * between add and marking it relayed) queues it once. BullMQ refuses ':' in custom ids,
 * hence the dash.
 */
export function outboxJobId(outboxId: number): string {
  return `outbox-${outboxId}`;
}
