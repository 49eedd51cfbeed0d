import type { Db } from '@tessera/db';
import type { Job } from 'bullmq';
import { z } from 'zod';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import { retryWebhookDelivery } from '../webhooks/deliveries';
import { WebhookDeliveryJob } from '../webhooks/jobs';
import { QUEUE_NAMES, type QueueName } from './queue-names';
import { withQueue, type QueueAccess } from './queues';

/**
 * How many of a queue's newest failed jobs are read to find an org's: failed jobs of all
 * orgs share a queue, and a week of them is kept.
 */
const SCAN_LIMIT = 500;

export const FailedJobsInput = z.object({
  queue: z.enum(QUEUE_NAMES).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const FailedJobView = z.object({
  queue: z.enum(QUEUE_NAMES),
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  failedReason: z.string(),
  attemptsMade: z.number().int(),
  maxAttempts: z.number().int(),
  createdAt: z.date(),
  lastAttemptAt: z.date().nullable(),
  failedAt: z.date().nullable(),
});
export type FailedJobView = z.infer<typeof FailedJobView>;

export const RetryJobInput = z.object({
  queue: z.enum(QUEUE_NAMES),
  jobId: z.string().min(1).max(200),
});

/** Every job the org can see names its org: outbox events and deliveries alike. */
const OrgJobData = z.looseObject({ orgId: z.uuid() });
const orgOf = (job: Job): string | undefined => OrgJobData.safeParse(job.data).data?.orgId;

/** "booking.cancelled booking 6f1c…" for outbox events, "delivery 9a0e…" for webhooks. */
function summarize(job: Job): string {
  const data = z
    .looseObject({
      eventType: z.string().optional(),
      aggregateType: z.string().optional(),
      aggregateId: z.string().optional(),
      deliveryId: z.string().optional(),
    })
    .safeParse(job.data).data;
  if (data?.eventType)
    return [data.eventType, data.aggregateType, data.aggregateId].filter(Boolean).join(' ');
  if (data?.deliveryId) return `delivery ${data.deliveryId}`;
  return JSON.stringify(job.data).slice(0, 160);
}

function view(queue: QueueName, job: Job): FailedJobView {
  return {
    queue,
    id: job.id ?? '',
    name: job.name,
    summary: summarize(job),
    failedReason: job.failedReason || 'unknown',
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    createdAt: new Date(job.timestamp),
    lastAttemptAt: job.processedOn ? new Date(job.processedOn) : null,
    failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
  };
}

/** Jobs of the org that failed for good (attempts spent or a bad payload), newest first. */
export async function listFailedJobs(
  access: QueueAccess,
  orgId: string,
  input: z.infer<typeof FailedJobsInput>,
): Promise<FailedJobView[]> {
  const names = input.queue ? [input.queue] : QUEUE_NAMES;
  const perQueue = await Promise.all(
    names.map((name) =>
      withQueue(access, name, async (queue) =>
        (await queue.getFailed(0, SCAN_LIMIT - 1))
          .filter((job) => orgOf(job) === orgId)
          .map((job) => view(name, job)),
      ),
    ),
  );
  return perQueue
    .flat()
    .sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0))
    .slice(0, input.limit);
}

/**
 * Runs a failed job again with its attempts reset. A webhook delivery goes through its
 * own retry, which also reopens the delivery row.
 */
export async function retryFailedJob(
  db: Db,
  access: QueueAccess,
  staff: StaffMember,
  input: z.infer<typeof RetryJobInput>,
  requestId: string,
): Promise<{ retried: true }> {
  const retried = await withQueue(access, input.queue, async (queue) => {
    const job = await queue.getJob(input.jobId);
    // Another org's job answers exactly like a missing one (NOT_FOUND).
    if (!job || orgOf(job) !== staff.orgId)
      throw new AppError('NOT_FOUND', 'This job was not found.');
    if (input.queue === 'webhook-deliveries') return WebhookDeliveryJob.parse(job.data);
    if (!(await job.isFailed()))
      throw new AppError('CONFLICT', 'Only a failed job can be retried; this one is not failed.');
    const before = { failedReason: job.failedReason, attemptsMade: job.attemptsMade };
    await job.retry('failed', { resetAttemptsMade: true });
    return before;
  });
  if ('deliveryId' in retried) {
    await retryWebhookDelivery(db, retried.deliveryId, staff, { queues: access, requestId });
    return { retried: true };
  }
  await db.transaction().execute((tx) =>
    recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'job.retried',
      entityType: 'job',
      entityId: `${input.queue}/${input.jobId}`,
      changes: retried,
      requestId,
    }),
  );
  return { retried: true };
}
