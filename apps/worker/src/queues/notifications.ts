import { z } from 'zod';
import { defineQueue, KEEP_COMPLETED, KEEP_FAILED } from './define';
import { OutboxJob } from './outbox-job';

export const BOOKING_NOTIFICATION_TYPES = [
  'booking.confirmed',
  'booking.confirmation_resent',
  'booking.cancelled',
  'booking.moved',
  'booking.payment_failed',
  'booking.late_payment_refunded',
  'booking.expired',
  'booking.payment_received',
  'booking.refunded',
] as const;

/** Outbox events that become an email to a person. */
export const NOTIFICATION_EVENT_TYPES = [
  ...BOOKING_NOTIFICATION_TYPES,
  'booking.payment_link_sent',
  'waitlist.joined',
  'waitlist.offered',
  'account.password_reset_requested',
  'staff.invited',
  'quote.sent',
] as const;

const BookingNotificationJob = OutboxJob.extend({
  eventType: z.enum(BOOKING_NOTIFICATION_TYPES),
  aggregateType: z.literal('booking'),
  aggregateId: z.uuid(),
  payload: z.looseObject({
    // booking.cancelled and booking.refunded say `refundAmount`; booking.late_payment_refunded
    // and booking.payment_received `amount`.
    refundAmount: z.number().int().min(0).optional(),
    amount: z.number().int().min(0).optional(),
    // booking.payment_received of the payment that confirmed the booking.
    confirmedBooking: z.boolean().optional(),
    reason: z.string().optional(),
    // booking.moved: new total minus old.
    priceDifference: z.number().int().optional(),
  }),
});

const PaymentLinkNotificationJob = OutboxJob.extend({
  eventType: z.literal('booking.payment_link_sent'),
  aggregateType: z.literal('booking'),
  aggregateId: z.uuid(),
  payload: z.looseObject({
    paymentUrl: z.url(),
    dueAt: z.coerce.date().nullable(),
    // A confirmed booking's balance (a move to dearer places); absent: the booking's total.
    balanceAmount: z.number().int().positive().nullable().optional(),
  }),
});

const WaitlistNotificationJob = OutboxJob.extend({
  eventType: z.literal('waitlist.joined'),
  aggregateType: z.literal('waitlist_entry'),
  aggregateId: z.uuid(),
});

const WaitlistOfferNotificationJob = OutboxJob.extend({
  eventType: z.literal('waitlist.offered'),
  aggregateType: z.literal('waitlist_entry'),
  aggregateId: z.uuid(),
  payload: z.looseObject({ claimUrl: z.url(), expiresAt: z.coerce.date() }),
});

const PasswordResetNotificationJob = OutboxJob.extend({
  eventType: z.literal('account.password_reset_requested'),
  aggregateType: z.literal('user'),
  aggregateId: z.uuid(),
  payload: z.looseObject({ resetUrl: z.url(), expiresAt: z.coerce.date() }),
});

const StaffInvitationNotificationJob = OutboxJob.extend({
  eventType: z.literal('staff.invited'),
  aggregateType: z.literal('staff_invitation'),
  aggregateId: z.uuid(),
  payload: z.looseObject({ acceptUrl: z.url(), expiresAt: z.coerce.date() }),
});

const QuoteNotificationJob = OutboxJob.extend({
  eventType: z.literal('quote.sent'),
  aggregateType: z.literal('quote'),
  aggregateId: z.uuid(),
  payload: z.looseObject({ offerUrl: z.url(), validUntil: z.coerce.date() }),
});

/** Emails: retried for about an hour (SMTP outages), a few at once so one slow server does not stall the rest. */
export const notificationsQueue = defineQueue({
  name: 'notifications',
  payload: z.discriminatedUnion('eventType', [
    BookingNotificationJob,
    PaymentLinkNotificationJob,
    WaitlistNotificationJob,
    WaitlistOfferNotificationJob,
    PasswordResetNotificationJob,
    StaffInvitationNotificationJob,
    QuoteNotificationJob,
  ]),
  concurrency: 5,
  jobOptions: {
    attempts: 10,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_FAILED,
  },
});
