import type { Tx } from './idempotency';

/** Durable side effects, relayed to the queues by the worker (ARCHITECTURE.md, invariant 4). */
export type OutboxEventType =
  | 'hold.expired'
  | 'inventory.released'
  | 'booking.confirmed'
  | 'booking.cancelled'
  | 'booking.payment_requested'
  | 'booking.payment_failed'
  | 'booking.expired'
  | 'booking.late_payment_refunded'
  | 'booking.attention'
  | 'waitlist.joined';

export interface OutboxEvent {
  orgId: string;
  aggregateType: 'hold' | 'booking' | 'occurrence' | 'waitlist_entry';
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
