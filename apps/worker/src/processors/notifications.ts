import type { NotificationEvent } from '@tessera/api/domain/notifications/compose';
import { composeNotification, toldByAnotherEmail } from '@tessera/api/domain/notifications/compose';
import {
  deliverEmail,
  deliverSms,
  type DeliveryOutcome,
  type MailTransport,
  type SmsProvider,
} from '@tessera/api/domain/notifications/deliver';
import { composeBookingSms } from '@tessera/api/domain/notifications/sms';
import type { Db } from '@tessera/db';
import type { Job } from 'bullmq';
import type { z } from 'zod';
import type { Logger } from '../log';
import { notificationsQueue } from '../queues';
import { parseJobData } from '../queues/define';

type NotificationJob = z.infer<typeof notificationsQueue.payload>;

export interface NotificationDeps {
  db: Db;
  /** Null when no SMTP_URL is set: messages are recorded, not sent. */
  transport: MailTransport | null;
  /** None when no SMS provider is configured (sms.ts): texts are recorded, not sent. */
  sms?: SmsProvider | null;
  log: Logger;
}

/**
 * One outbox event, one email. Idempotent through the message's dedupe key: a retried or
 * twice-relayed job finds the message already claimed and sends nothing.
 */
export function processNotification({ db, transport, sms, log }: NotificationDeps) {
  return async (job: Job): Promise<DeliveryOutcome | 'nothing to send'> => {
    const data = parseJobData(notificationsQueue, job.data);
    const event = notificationEventOf(data);
    if (toldByAnotherEmail(event)) {
      log.info(`${data.eventType} (outbox ${data.outboxId}): told by another email`);
      return 'nothing to send';
    }
    const email = await composeNotification(db, event);
    if (!email) {
      log.warn(
        `${data.eventType} (outbox ${data.outboxId}): ${data.aggregateType} ${data.aggregateId} no longer exists; nothing to send`,
      );
      return 'nothing to send';
    }
    const outcome = await deliverEmail(db, email, transport);
    log.info(`${data.eventType} (outbox ${data.outboxId}) email to ${email.recipient}: ${outcome}`);
    // A confirmation is also texted when the customer gave a phone (after the email: a retry
    // finds the email done and still sends the text).
    if (data.eventType === 'booking.confirmed' && email.bookingId) {
      const text = await composeBookingSms(
        db,
        { bookingId: email.bookingId, orgId: email.orgId, dedupeKey: email.dedupeKey },
        { type: 'booking.confirmed' },
      );
      if (text)
        log.info(
          `${data.eventType} (outbox ${data.outboxId}) text to ${text.recipient}: ${await deliverSms(db, text, sms ?? null)}`,
        );
    }
    return outcome;
  };
}

function notificationEventOf(data: NotificationJob): NotificationEvent {
  switch (data.eventType) {
    case 'account.password_reset_requested':
      return {
        outboxId: data.outboxId,
        orgId: null,
        eventType: data.eventType,
        userId: data.aggregateId,
        resetUrl: data.payload.resetUrl,
        expiresAt: data.payload.expiresAt,
      };
    case 'staff.invited':
      return {
        outboxId: data.outboxId,
        orgId: data.orgId,
        eventType: data.eventType,
        invitationId: data.aggregateId,
        acceptUrl: data.payload.acceptUrl,
        expiresAt: data.payload.expiresAt,
      };
    case 'waitlist.offered':
      return {
        outboxId: data.outboxId,
        orgId: data.orgId,
        eventType: data.eventType,
        waitlistEntryId: data.aggregateId,
        claimUrl: data.payload.claimUrl,
        expiresAt: data.payload.expiresAt,
      };
    case 'quote.sent':
      return {
        outboxId: data.outboxId,
        orgId: data.orgId,
        eventType: data.eventType,
        quoteId: data.aggregateId,
        offerUrl: data.payload.offerUrl,
        validUntil: data.payload.validUntil,
      };
    case 'booking.payment_link_sent':
      return {
        outboxId: data.outboxId,
        orgId: data.orgId,
        eventType: data.eventType,
        bookingId: data.aggregateId,
        paymentUrl: data.payload.paymentUrl,
        dueAt: data.payload.dueAt,
        balanceAmount: data.payload.balanceAmount ?? null,
      };
    case 'waitlist.joined':
      return {
        outboxId: data.outboxId,
        orgId: data.orgId,
        eventType: data.eventType,
        waitlistEntryId: data.aggregateId,
      };
    default:
      return {
        outboxId: data.outboxId,
        orgId: data.orgId,
        eventType: data.eventType,
        bookingId: data.aggregateId,
        extras: {
          refundAmount: data.payload.refundAmount ?? data.payload.amount,
          amount: data.payload.amount,
          confirmedBooking: data.payload.confirmedBooking,
          reason: data.payload.reason,
          priceDifference: data.payload.priceDifference,
        },
      };
  }
}
