import type { Db } from '@tessera/db';
import type { SmsToDeliver } from './deliver';
import { loadBookingFacts } from './facts';
import { formatWhen, type BookingFacts, type ReminderWindow } from './templates';

/** The booking messages that also go out as a text when the customer gave a phone number. */
export type BookingSmsKind =
  { type: 'booking.confirmed' } | { type: 'booking.reminder'; reminder: ReminderWindow };

/** A short text: who, what, when (venue time, zone named), the reference. No links, no personal data. */
export function renderBookingSms(kind: BookingSmsKind, facts: BookingFacts): string {
  const when = facts.startsAt ? `, ${formatWhen(facts.startsAt, facts.timeZone)}` : '';
  if (kind.type === 'booking.confirmed')
    return `${facts.orgName}: booking ${facts.reference} confirmed. ${facts.offeringName}${when}. Your tickets are in your email.`;
  const soon = kind.reminder === '2h' ? 'starts in 2 hours' : 'is tomorrow';
  return `${facts.orgName}: reminder, ${facts.offeringName} ${soon}${when}. Booking ${facts.reference}.`;
}

/**
 * The text that goes with a booking email, or undefined when the customer gave no phone.
 * Its dedupe key derives from the email's: one text per email.
 */
export function bookingSms(
  facts: BookingFacts,
  message: { bookingId: string; orgId: string | null; dedupeKey: string },
  kind: BookingSmsKind,
): SmsToDeliver | undefined {
  if (!facts.contactPhone) return undefined;
  return {
    orgId: message.orgId,
    bookingId: message.bookingId,
    template: kind.type,
    recipient: facts.contactPhone,
    text: renderBookingSms(kind, facts),
    dedupeKey: `sms:${message.dedupeKey}`,
  };
}

/** `bookingSms` for a booking read now (undefined when it is gone). */
export async function composeBookingSms(
  db: Db,
  message: { bookingId: string; orgId: string | null; dedupeKey: string },
  kind: BookingSmsKind,
): Promise<SmsToDeliver | undefined> {
  const facts = await loadBookingFacts(db, message.bookingId);
  return facts && bookingSms(facts, message, kind);
}
