import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import { withQueue, type QueueAccess } from '../jobs/queues';
import {
  WEBHOOK_DELIVERY_JOB_OPTIONS,
  webhookDeliveryJobId,
  type WebhookDeliveryJob,
} from './jobs';
import type { WebhookDeliveryView } from './schemas';

/** The delivery log of one endpoint of the org, newest first, each with its attempts. */
export async function listWebhookDeliveries(
  db: Db,
  orgId: string,
  input: { endpointId: string; limit: number },
): Promise<WebhookDeliveryView[]> {
  const endpoint = await db
    .selectFrom('webhookEndpoints')
    .select('id')
    .where('id', '=', input.endpointId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  if (!endpoint) throw new AppError('NOT_FOUND', 'This webhook endpoint was not found.');
  const deliveries = await db
    .selectFrom('webhookDeliveries')
    .select(['id', 'eventType', 'status', 'attempts', 'nextAttemptAt', 'deliveredAt', 'createdAt'])
    .where('endpointId', '=', endpoint.id)
    .orderBy('createdAt', 'desc')
    .limit(input.limit)
    .execute();
  const attempts = deliveries.length
    ? await db
        .selectFrom('webhookDeliveryAttempts')
        .select([
          'deliveryId',
          'attemptNo',
          'responseStatus',
          'responseBody',
          'error',
          'durationMs',
          'attemptedAt',
        ])
        .where(
          'deliveryId',
          'in',
          deliveries.map((delivery) => delivery.id),
        )
        .orderBy('attemptNo')
        .execute()
    : [];
  return deliveries.map((delivery) => ({
    ...delivery,
    attemptLog: attempts
      .filter((attempt) => attempt.deliveryId === delivery.id)
      .map(({ deliveryId: _deliveryId, ...attempt }) => attempt),
  }));
}

/**
 * Attempts a failed or dead delivery now. The delivery's one job is promoted (waiting for
 * its next automatic retry) or re-run (dead, kept among failed jobs) or, when retention
 * removed it, added again. A dead delivery gets a fresh retry window from this attempt.
 */
export async function retryWebhookDelivery(
  db: Db,
  deliveryId: string,
  staff: StaffMember,
  deps: { queues: QueueAccess; requestId: string },
): Promise<{ status: 'pending' }> {
  const delivery = await db
    .selectFrom('webhookDeliveries')
    .select(['id', 'status'])
    .where('id', '=', deliveryId)
    .where('orgId', '=', staff.orgId)
    .executeTakeFirst();
  if (!delivery) throw new AppError('NOT_FOUND', 'This webhook delivery was not found.');
  if (delivery.status === 'succeeded')
    throw new AppError('CONFLICT', 'This delivery already succeeded.');
  if (delivery.status === 'pending')
    throw new AppError('CONFLICT', 'This delivery is being attempted now.');

  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('webhookDeliveries')
      .set((eb) => ({
        status: 'pending',
        nextAttemptAt: new Date(),
        firstAttemptAt: delivery.status === 'dead' ? null : eb.ref('firstAttemptAt'),
      }))
      .where('id', '=', delivery.id)
      .execute();
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'webhook_delivery.retried',
      entityType: 'webhook_delivery',
      entityId: delivery.id,
      changes: { from: delivery.status },
      requestId: deps.requestId,
    });
  });

  const jobId = webhookDeliveryJobId(delivery.id);
  await withQueue(deps.queues, 'webhook-deliveries', async (queue) => {
    const job = await queue.getJob(jobId);
    const state = job ? await job.getState() : 'missing';
    if (job && state === 'delayed') await job.promote();
    else if (job && state === 'failed') await job.retry('failed', { resetAttemptsMade: true });
    else if (!job || state === 'completed' || state === 'unknown') {
      await job?.remove();
      const data: WebhookDeliveryJob = { deliveryId: delivery.id, orgId: staff.orgId };
      await queue.add('webhook.delivery', data, { ...WEBHOOK_DELIVERY_JOB_OPTIONS, jobId });
    }
    // Waiting or active: it runs now anyway.
  });
  return { status: 'pending' };
}
