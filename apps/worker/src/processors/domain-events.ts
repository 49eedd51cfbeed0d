import type { Job } from 'bullmq';
import type { Logger } from '../log';
import { domainEventsQueue } from '../queues';
import { parseJobData } from '../queues/define';

/** Events no processor acts on (see `queuesForEvent`) are logged, nothing else. */
export function processDomainEvent({ log }: { log: Logger }) {
  return (job: Job): Promise<void> => {
    const event = parseJobData(domainEventsQueue, job.data);
    log.info(
      `${event.eventType} ${event.aggregateType} ${event.aggregateId} (outbox ${event.outboxId})`,
    );
    return Promise.resolve();
  };
}
