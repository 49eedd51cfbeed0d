import type { Db } from '@tessera/db';
import type { OutboxEventType } from '../shared/outbox';

/** The outbox events an org's endpoints can subscribe to (an empty subscription gets them all). */
export const WEBHOOK_EVENT_TYPES = [
  'booking.confirmed',
  'booking.cancelled',
  'booking.expired',
  'booking.payment_requested',
  'booking.payment_failed',
  'booking.payment_received',
  'booking.refunded',
  'booking.late_payment_refunded',
] as const satisfies readonly OutboxEventType[];
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const webhookTypes: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);
export function isWebhookEvent(eventType: string): eventType is WebhookEventType {
  return webhookTypes.has(eventType);
}

export interface WebhookSourceEvent {
  outboxId: number;
  orgId: string;
  eventType: WebhookEventType;
  bookingId: string;
  payload: Record<string, unknown>;
}

/**
 * The JSON body every endpoint receives for one event, built once when the deliveries are
 * created, so every attempt sends the same bytes: `{ id, type, createdAt, data: { booking, ... } }`.
 * `id` is the same for all endpoints (receivers dedupe on it); the booking is as it is now.
 */
export async function webhookBody(db: Db, event: WebhookSourceEvent) {
  const booking = await db
    .selectFrom('bookings')
    .select([
      'id',
      'reference',
      'status',
      'channel',
      'offeringId',
      'occurrenceId',
      'contactName',
      'contactEmail',
      'totalAmount',
      'paidAmount',
      'refundedAmount',
      'currency',
      'createdAt',
      'confirmedAt',
      'cancelledAt',
    ])
    .where('id', '=', event.bookingId)
    .where('orgId', '=', event.orgId)
    .executeTakeFirst();
  return {
    id: `evt_${event.outboxId}`,
    type: event.eventType,
    createdAt: new Date().toISOString(),
    data: {
      ...event.payload,
      booking: booking
        ? {
            id: booking.id,
            reference: booking.reference,
            status: booking.status,
            channel: booking.channel,
            offeringId: booking.offeringId,
            occurrenceId: booking.occurrenceId,
            contact: { name: booking.contactName, email: booking.contactEmail },
            total: { amount: booking.totalAmount, currency: booking.currency },
            paid: { amount: booking.paidAmount, currency: booking.currency },
            refunded: { amount: booking.refundedAmount, currency: booking.currency },
            createdAt: booking.createdAt.toISOString(),
            confirmedAt: booking.confirmedAt?.toISOString() ?? null,
            cancelledAt: booking.cancelledAt?.toISOString() ?? null,
          }
        : { id: event.bookingId },
    },
  };
}
