import { isWebhookEvent } from '@tessera/api/domain/webhooks/events';
import { domainEventsQueue } from './domain-events';
import { maintenanceQueue } from './maintenance';
import { NOTIFICATION_EVENT_TYPES, notificationsQueue } from './notifications';
import { WAITLIST_EVENT_TYPES, waitlistQueue } from './waitlist';
import { webhookDeliveriesQueue, webhookEventsQueue } from './webhooks';

export {
  domainEventsQueue,
  maintenanceQueue,
  notificationsQueue,
  waitlistQueue,
  webhookDeliveriesQueue,
  webhookEventsQueue,
};
export { OutboxJob, outboxJobId } from './outbox-job';

export const QUEUES = [
  notificationsQueue,
  domainEventsQueue,
  maintenanceQueue,
  waitlistQueue,
  webhookEventsQueue,
  webhookDeliveriesQueue,
] as const;
export type QueueName = (typeof QUEUES)[number]['name'];

const notificationTypes: ReadonlySet<string> = new Set(NOTIFICATION_EVENT_TYPES);
const waitlistTypes: ReadonlySet<string> = new Set(WAITLIST_EVENT_TYPES);

/**
 * The queues an outbox event is relayed to, one job in each (a cancellation emails the
 * customer, calls the org's webhooks and offers the places to the waiting list); an event
 * nothing handles yet is only logged.
 */
export function queuesForEvent(eventType: string): QueueName[] {
  const queues: QueueName[] = [];
  if (notificationTypes.has(eventType)) queues.push(notificationsQueue.name);
  if (isWebhookEvent(eventType)) queues.push(webhookEventsQueue.name);
  if (waitlistTypes.has(eventType)) queues.push(waitlistQueue.name);
  return queues.length > 0 ? queues : [domainEventsQueue.name];
}
