import { randomBytes } from 'node:crypto';
import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { env } from '../../env';
import { recordAudit } from '../audit/record';
import { namesPrivateHost } from './addresses';
import type { CreateWebhookEndpointInput, WebhookEndpointView } from './schemas';

const endpointColumns = ['id', 'url', 'description', 'eventTypes', 'active', 'createdAt'] as const;

/** A new endpoint of the staff member's org; its signing secret is returned here only, once. */
export async function createWebhookEndpoint(
  db: Db,
  input: CreateWebhookEndpointInput,
  staff: StaffMember,
  requestId: string,
  allowPrivateAddresses = env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  if (!allowPrivateAddresses && namesPrivateHost(input.url))
    throw new AppError(
      'VALIDATION',
      'Webhooks are sent to public addresses only: use a URL reachable from the internet.',
    );
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  return db.transaction().execute(async (tx) => {
    const endpoint = await tx
      .insertInto('webhookEndpoints')
      .values({ orgId: staff.orgId, ...input, secret })
      .returning(endpointColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'webhook_endpoint.created',
      entityType: 'webhook_endpoint',
      entityId: endpoint.id,
      changes: { url: endpoint.url, eventTypes: endpoint.eventTypes },
      requestId,
    });
    return { endpoint, secret };
  });
}

export function listWebhookEndpoints(db: Db, orgId: string): Promise<WebhookEndpointView[]> {
  return db
    .selectFrom('webhookEndpoints')
    .select(endpointColumns)
    .where('orgId', '=', orgId)
    .orderBy('createdAt')
    .execute();
}

/** Stops new deliveries to it; pending ones die at their next attempt. Disabling twice is a no-op. */
export async function disableWebhookEndpoint(
  db: Db,
  endpointId: string,
  staff: StaffMember,
  requestId: string,
): Promise<WebhookEndpointView> {
  return db.transaction().execute(async (tx) => {
    const endpoint = await tx
      .updateTable('webhookEndpoints')
      .set({ active: false })
      .where('id', '=', endpointId)
      .where('orgId', '=', staff.orgId)
      .returning(endpointColumns)
      .executeTakeFirst();
    if (!endpoint) throw new AppError('NOT_FOUND', 'This webhook endpoint was not found.');
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'webhook_endpoint.disabled',
      entityType: 'webhook_endpoint',
      entityId: endpoint.id,
      changes: { active: false },
      requestId,
    });
    return endpoint;
  });
}
