import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { bookingFiles } from '../tickets/files';
import type { EmailToDeliver } from './deliver';
import { loadBookingFacts, loadWaitlistFacts } from './facts';
import { renderPasswordReset } from './password-reset-template';
import { renderPaymentLink } from './payment-link-template';
import { hashQuoteToken } from '../quotes/token';
import { renderQuoteOffer } from './quote-template';
import { renderStaffInvitation } from './staff-invitation-template';
import { renderWaitlistOffer } from './waitlist-offer-template';
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
      eventType: BookingMessageType | 'booking.confirmation_resent';
      bookingId: string;
      extras: BookingMessageExtras;
    }
  | {
      outboxId: number;
      orgId: string | null;
      eventType: 'booking.payment_link_sent';
      bookingId: string;
      paymentUrl: string;
      dueAt: Date | null;
      /** A confirmed booking's balance to pay; null: the booking's total. */
      balanceAmount: number | null;
    }
  | {
      outboxId: number;
      orgId: string | null;
      eventType: 'quote.sent';
      quoteId: string;
      offerUrl: string;
      validUntil: Date;
    }
  | {
      outboxId: number;
      orgId: string | null;
      eventType: 'waitlist.joined';
      waitlistEntryId: string;
    }
  | {
      outboxId: number;
      orgId: string | null;
      eventType: 'waitlist.offered';
      waitlistEntryId: string;
      claimUrl: string;
      expiresAt: Date;
    }
  | {
      outboxId: number;
      orgId: string | null;
      eventType: 'staff.invited';
      invitationId: string;
      acceptUrl: string;
      expiresAt: Date;
    }
  | {
      outboxId: number;
      orgId: null;
      eventType: 'account.password_reset_requested';
      userId: string;
      resetUrl: string;
      expiresAt: Date;
    };

/**
 * Whether another email already tells what this event says: a paid booking gets one email,
 * the confirmation, which says what was paid; its payment's receipt event is for webhooks.
 */
export function toldByAnotherEmail(event: NotificationEvent): boolean {
  return event.eventType === 'booking.payment_received' && event.extras.confirmedBooking === true;
}

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
  if (event.eventType === 'account.password_reset_requested') {
    const user = await db
      .selectFrom('users')
      .select(['email', 'name'])
      .where('id', '=', event.userId)
      .executeTakeFirst();
    if (!user) return undefined;
    return {
      ...renderPasswordReset({
        name: user.name,
        resetUrl: event.resetUrl,
        expiresAt: event.expiresAt,
      }),
      orgId: null,
      bookingId: null,
      template: event.eventType,
      recipient: user.email,
      dedupeKey,
    };
  }
  if (event.eventType === 'staff.invited') {
    const invitation = await db
      .selectFrom('staffInvitations as i')
      .innerJoin('orgs', 'orgs.id', 'i.orgId')
      .leftJoin('users as u', 'u.id', 'i.invitedBy')
      .select([
        'i.orgId',
        'i.email',
        'i.role',
        'i.expiresAt',
        'orgs.name as orgName',
        'u.name',
        'u.email as inviterEmail',
      ])
      .where('i.id', '=', event.invitationId)
      .where('i.acceptedAt', 'is', null)
      .executeTakeFirst();
    // Withdrawn, accepted, or replaced by a newer invitation (another link, another expiry).
    if (invitation?.expiresAt.getTime() !== event.expiresAt.getTime()) return undefined;
    return {
      ...renderStaffInvitation({
        orgName: invitation.orgName,
        invitedBy: invitation.name || invitation.inviterEmail,
        role: invitation.role,
        acceptUrl: event.acceptUrl,
        expiresAt: event.expiresAt,
      }),
      orgId: invitation.orgId,
      bookingId: null,
      template: event.eventType,
      recipient: invitation.email,
      dedupeKey,
    };
  }
  if (event.eventType === 'quote.sent') {
    const quote = await db
      .selectFrom('quotes as q')
      .innerJoin('orgs as g', 'g.id', 'q.orgId')
      .leftJoin('offerings as o', 'o.id', 'q.offeringId')
      .leftJoin('occurrences as oc', (join) =>
        join.on(sql<boolean>`oc.id = (q.inventory -> 'json' ->> 'occurrenceId')::uuid`),
      )
      .select([
        'q.orgId',
        'q.reference',
        'q.status',
        'q.contactName',
        'q.contactEmail',
        'q.totalAmount',
        'q.currency',
        'q.tokenHash',
        'g.name as orgName',
        'g.timeZone',
        'o.name as offeringName',
        'oc.startsAt',
      ])
      .where('q.id', '=', event.quoteId)
      .executeTakeFirst();
    // Withdrawn, accepted, or sent again with a new link (this one no longer works).
    const token = new URL(event.offerUrl).pathname.split('/').pop() ?? '';
    if (quote?.status !== 'sent' || quote.tokenHash !== hashQuoteToken(token)) return undefined;
    return {
      ...renderQuoteOffer({ ...quote, offerUrl: event.offerUrl, validUntil: event.validUntil }),
      orgId: quote.orgId,
      bookingId: null,
      template: event.eventType,
      recipient: quote.contactEmail,
      dedupeKey,
    };
  }
  if (event.eventType === 'waitlist.offered') {
    const facts = await loadWaitlistFacts(db, event.waitlistEntryId);
    if (!facts) return undefined;
    return {
      ...renderWaitlistOffer({ ...facts, claimUrl: event.claimUrl, expiresAt: event.expiresAt }),
      orgId: event.orgId,
      bookingId: null,
      template: event.eventType,
      recipient: facts.email,
      dedupeKey,
    };
  }
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
  if (event.eventType === 'booking.payment_link_sent') {
    // Paid, cancelled or lapsed before the email went: a link to pay would only confuse.
    const owing =
      event.balanceAmount === null
        ? facts.status === 'pending_payment'
        : facts.status === 'confirmed' && (await owesBalance(db, event.bookingId));
    if (!owing) return undefined;
    return {
      ...renderPaymentLink({
        ...facts,
        paymentUrl: event.paymentUrl,
        dueAt: event.dueAt,
        balanceAmount: event.balanceAmount,
      }),
      orgId: event.orgId,
      bookingId: event.bookingId,
      template: event.eventType,
      recipient: facts.contactEmail,
      dedupeKey,
    };
  }
  // A resent confirmation is the confirmation as it reads now, under its own dedupe key.
  const messageType =
    event.eventType === 'booking.confirmation_resent' ? 'booking.confirmed' : event.eventType;
  // The tickets go with the confirmation (and a move's new ones) while the booking still admits anyone.
  const attachments =
    (messageType === 'booking.confirmed' || messageType === 'booking.moved') &&
    facts.status === 'confirmed'
      ? await bookingFiles(db, event.bookingId)
      : [];
  const ticketsAttached = attachments.some((file) => file.contentType === 'application/pdf');
  return {
    ...renderBookingMessage(messageType, facts, { ...event.extras, ticketsAttached }),
    orgId: event.orgId,
    bookingId: event.bookingId,
    template: event.eventType,
    recipient: facts.contactEmail,
    dedupeKey,
    attachments,
  };
}

/** Whether a confirmed booking still has a balance to pay (a pending payment). */
async function owesBalance(db: Db, bookingId: string): Promise<boolean> {
  const pending = await db
    .selectFrom('payments')
    .select('id')
    .where('bookingId', '=', bookingId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return pending !== undefined;
}
