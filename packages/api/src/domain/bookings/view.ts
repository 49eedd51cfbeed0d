import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import { OFFLINE_INSTRUCTIONS } from '../payments/offline';
import { offeringTimeZone } from '../shared/time-zone';
import { signTicket } from '../tickets/signature';
import type { BookingView } from './schemas';

const HOUR_MS = 3_600_000;

/** Until when the customer may cancel online: the offering's cut-off before the start. */
export function cancellationDeadline(
  startsAt: Date | null,
  cutoffHours: number | null,
): Date | null {
  if (!startsAt) return null;
  return new Date(startsAt.getTime() - (cutoffHours ?? 0) * HOUR_MS);
}

export async function bookingView(
  db: Db,
  bookingId: string,
  now = new Date(),
): Promise<BookingView> {
  const booking = await db
    .selectFrom('bookings as b')
    .innerJoin('offerings as o', 'o.id', 'b.offeringId')
    .innerJoin('orgs', 'orgs.id', 'b.orgId')
    .leftJoin('occurrences as oc', 'oc.id', 'b.occurrenceId')
    .leftJoin('venues as v', (join) =>
      join.on(sql<boolean>`v.id = coalesce(oc.venue_id, o.venue_id)`),
    )
    .selectAll('b')
    .select([
      'o.name as offeringName',
      'o.kind as offeringKind',
      'o.cancellationCutoffHours',
      'oc.startsAt as occurrenceStartsAt',
      'oc.endsAt as occurrenceEndsAt',
      // An appointment's times read in its resource's zone, others as their offering's.
      sql<string>`coalesce(
        (SELECT r.time_zone FROM booking_items bi JOIN resources r ON r.id = bi.resource_id WHERE bi.booking_id = b.id LIMIT 1),
        ${offeringTimeZone({ offering: 'o', venue: 'v', org: 'orgs' })})`.as('timeZone'),
    ])
    .where('b.id', '=', bookingId)
    .executeTakeFirst();
  if (!booking) throw new AppError('NOT_FOUND', 'This booking was not found.');
  const [items, tickets, payment] = await Promise.all([
    db
      .selectFrom('bookingItems')
      .selectAll()
      .where('bookingId', '=', bookingId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('tickets as t')
      .leftJoin('attendees as a', 'a.id', 't.attendeeId')
      .select(['t.code', 't.occurrenceId', 't.status', 't.checkedInAt', 'a.name as holder'])
      .where('t.bookingId', '=', bookingId)
      .orderBy('a.position')
      .orderBy('t.code')
      .execute(),
    db
      .selectFrom('payments')
      .selectAll()
      .where('bookingId', '=', bookingId)
      .orderBy('createdAt', 'desc')
      .executeTakeFirst(),
  ]);
  const money = (amount: number) => ({ amount, currency: booking.currency });
  const slot = items.find((item) => item.kind === 'slot');
  const startsAt = booking.occurrenceStartsAt ?? slot?.startsAt ?? null;
  const until = cancellationDeadline(startsAt, booking.cancellationCutoffHours);
  const live = booking.status === 'confirmed' || booking.status === 'pending_payment';
  return {
    reference: booking.reference,
    status: booking.status,
    offering: { id: booking.offeringId, name: booking.offeringName, kind: booking.offeringKind },
    startsAt,
    endsAt: booking.occurrenceEndsAt ?? slot?.endsAt ?? null,
    timeZone: booking.timeZone,
    contact: {
      name: booking.contactName,
      email: booking.contactEmail,
      phone: booking.contactPhone,
    },
    items: items.map((item) => ({
      description: item.description,
      quantity: item.quantity,
      unitPrice: money(item.unitAmount),
      total: money(item.totalAmount),
    })),
    subtotal: money(booking.subtotalAmount),
    discount: money(booking.discountAmount),
    tax: money(booking.taxAmount),
    total: money(booking.totalAmount),
    paid: money(booking.paidAmount),
    refunded: money(booking.refundedAmount),
    // Codes admit people: shown only once the booking is confirmed.
    tickets:
      booking.status === 'confirmed'
        ? tickets.map(({ occurrenceId, ...ticket }) => ({
            ...ticket,
            qr: signTicket({ code: ticket.code, occurrenceId }),
          }))
        : [],
    payment: payment
      ? {
          provider: payment.provider,
          status: payment.status,
          amount: { amount: payment.amount, currency: payment.currency },
          redirectUrl: payment.status === 'pending' ? payment.checkoutUrl : null,
          instructions: payment.provider === 'offline' ? OFFLINE_INSTRUCTIONS : null,
          dueAt: booking.paymentDueAt,
        }
      : null,
    cancellation: {
      allowed: live && until !== null && now < until,
      until,
      refund: money(booking.paidAmount - booking.refundedAmount),
    },
    createdAt: booking.createdAt,
  };
}
