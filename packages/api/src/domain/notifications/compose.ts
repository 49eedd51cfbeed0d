import type { Db } from '@tessera/db';
import type { EmailToDeliver } from './deliver';
import { loadBookingFacts, loadWaitlistFacts } from './facts';
import {
  renderBookingMessage,
  renderWaitlistJoined,
  type BookingMessageExtras,
  type BookingMessageType,
} from './templates';

/** An outbox event that tells a person something. */
export type NotificationEvent =
  | {
      outboxId: number;
      orgId: string | null;
      eventType: BookingMessageType;
      bookingId: string;
      extras: BookingMessageExtras;
    }
  | {
      outboxId: number;
      orgId: string | null;
      eventType: 'waitlist.joined';
      waitlistEntryId: string;
    };

/**
 * The email an outbox event produces, rendered from the database as it is now; undefined
 * when what it is about no longer exists (its org was deleted). The dedupe key ties it to
 * the outbox row, so relaying or running the event twice sends it once.
 */
export async function composeNotification(
  db: Db,
  event: NotificationEvent,
): Promise<EmailToDeliver | undefined> {
  const dedupeKey = `${event.eventType}:${event.outboxId}`;
  if (event.eventType === 'waitlist.joined') {
    const facts = await loadWaitlistFacts(db, event.waitlistEntryId);
    if (!facts) return undefined;
    return {
      ...renderWaitlistJoined(facts),
      orgId: event.orgId,
      bookingId: null,
      template: event.eventType,
      recipient: facts.email,
      dedupeKey,
    };
  }
  const facts = await loadBookingFacts(db, event.bookingId);
  if (!facts) return undefined;
  return {
    ...renderBookingMessage(event.eventType, facts, event.extras),
    orgId: event.orgId,
    bookingId: event.bookingId,
    template: event.eventType,
    recipient: facts.contactEmail,
    dedupeKey,
  };
}
