import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { webhookBody, type WebhookSourceEvent } from './events';

/**
 * One delivery row per active endpoint of the org subscribed to the event (an empty list of
 * types means all), exactly once per endpoint and event: the unique (endpoint, outbox row)
 * key makes a second relay of the same event insert nothing. Returns the deliveries still
 * to attempt, so a relay that crashed after the insert queues them on its next run.
 */
export async function createWebhookDeliveries(
  db: Db,
  event: WebhookSourceEvent,
): Promise<string[]> {
  const endpoints = await db
    .selectFrom('webhookEndpoints')
    .select('id')
    .where('orgId', '=', event.orgId)
    .where('active', '=', true)
    .where(sql<boolean>`(cardinality(event_types) = 0 OR ${event.eventType} = ANY(event_types))`)
    .execute();
  if (endpoints.length > 0) {
    const body = JSON.stringify(await webhookBody(db, event));
    await db
      .insertInto('webhookDeliveries')
      .values(
        endpoints.map((endpoint) => ({
          orgId: event.orgId,
          endpointId: endpoint.id,
          outboxId: event.outboxId,
          eventType: event.eventType,
          payload: body,
        })),
      )
      .onConflict((oc) => oc.columns(['endpointId', 'outboxId']).doNothing())
      .execute();
  }
  const pending = await db
    .selectFrom('webhookDeliveries')
    .select('id')
    .where('outboxId', '=', event.outboxId)
    .where('status', '=', 'pending')
    .execute();
  return pending.map((delivery) => delivery.id);
}
