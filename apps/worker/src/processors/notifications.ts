import type { NotificationEvent } from '@tessera/api/domain/notifications/compose';
import { composeNotification } from '@tessera/api/domain/notifications/compose';
import {
  deliverEmail,
  type DeliveryOutcome,
  type MailTransport,
} from '@tessera/api/domain/notifications/deliver';
import type { Db } from '@tessera/db';
import type { Job } from 'bullmq';
import type { Logger } from '../log';
import { notificationsQueue } from '../queues';
import { parseJobData } from '../queues/define';

export interface NotificationDeps {
  db: Db;
  /** Null when no SMTP_URL is set: messages are recorded, not sent. */
  transport: MailTransport | null;
  log: Logger;
}

/**
 * One outbox event, one email. Idempotent through the message's dedupe key: a retried or
 * twice-relayed job finds the message already claimed and sends nothing.
 */
export function processNotification({ db, transport, log }: NotificationDeps) {
  return async (job: Job): Promise<DeliveryOutcome | 'nothing to send'> => {
    const data = parseJobData(notificationsQueue, job.data);
    const event: NotificationEvent =
      data.eventType === 'waitlist.joined'
        ? {
            outboxId: data.outboxId,
            orgId: data.orgId,
            eventType: data.eventType,
            waitlistEntryId: data.aggregateId,
          }
        : {
            outboxId: data.outboxId,
            orgId: data.orgId,
            eventType: data.eventType,
            bookingId: data.aggregateId,
            extras: {
              refundAmount: data.payload.refundAmount ?? data.payload.amount,
              reason: data.payload.reason,
            },
          };
    const email = await composeNotification(db, event);
    if (!email) {
      log.warn(
        `${data.eventType} (outbox ${data.outboxId}): ${data.aggregateType} ${data.aggregateId} no longer exists; nothing to send`,
      );
      return 'nothing to send';
    }
    const outcome = await deliverEmail(db, email, transport);
    log.info(`${data.eventType} (outbox ${data.outboxId}) email to ${email.recipient}: ${outcome}`);
    return outcome;
  };
}
