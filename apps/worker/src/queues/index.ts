import { domainEventsQueue } from './domain-events';
import { maintenanceQueue } from './maintenance';
import { NOTIFICATION_EVENT_TYPES, notificationsQueue } from './notifications';

export { domainEventsQueue, maintenanceQueue, notificationsQueue };
export { OutboxJob, outboxJobId } from './outbox-job';

export const QUEUES = [notificationsQueue, domainEventsQueue, maintenanceQueue] as const;
export type QueueName = (typeof QUEUES)[number]['name'];

const notificationTypes: ReadonlySet<string> = new Set(NOTIFICATION_EVENT_TYPES);

/** The queue an outbox event is relayed to; anything without a handler yet is only logged. */
export function queueForEvent(eventType: string): QueueName {
  return notificationTypes.has(eventType) ? notificationsQueue.name : domainEventsQueue.name;
}
