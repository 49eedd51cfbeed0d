import type { Tx } from './idempotency';

/** Durable side effects, relayed to the queues by the worker (ARCHITECTURE.md, invariant 4). */
export type OutboxEventType =
  | 'hold.expired'
  | 'inventory.released'
  | 'booking.confirmed'
  /** Staff asked for the confirmation again: emailed once more, nothing else. */
  | 'booking.confirmation_resent'
  | 'booking.cancelled'
  /** Staff moved seats or the date: new tickets go to the customer (aggregate: the booking). */
  | 'booking.moved'
  | 'booking.payment_requested'
  /** Staff sold by phone or at the desk: the customer is emailed the Stripe payment link. */
  | 'booking.payment_link_sent'
  | 'booking.payment_failed'
  | 'booking.expired'
  | 'booking.late_payment_refunded'
  | 'booking.payment_received'
  | 'booking.refunded'
  | 'booking.attention'
  /** A ticket admitted at the door: the staff live feed shows it (aggregate: its booking). */
  | 'ticket.checked_in'
  | 'waitlist.joined'
  | 'waitlist.offered'
  | 'account.password_reset_requested'
  /** An owner invited someone to join the org's staff: the invitation email. */
  | 'staff.invited'
  /** Staff sent a quote: the customer is emailed the offer's link. */
  | 'quote.sent';

export interface OutboxEvent {
  /** null for events about a person rather than a tenant's data (password resets). */
  orgId: string | null;
  aggregateType:
    'hold' | 'booking' | 'occurrence' | 'waitlist_entry' | 'user' | 'staff_invitation' | 'quote';
  aggregateId: string;
  eventType: OutboxEventType;
  payload: Record<string, unknown>;
}

/** Written in the caller's transaction: nothing is sent for a change that rolls back. */
export async function enqueueOutbox(tx: Tx, events: OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto('outbox')
    .values(events.map((event) => ({ ...event, payload: JSON.stringify(event.payload) })))
    .execute();
}
