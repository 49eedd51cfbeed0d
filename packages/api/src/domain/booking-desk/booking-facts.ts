import { sql } from 'kysely';
import type { Db } from '@tessera/db';
import { offeringTimeZone } from '../shared/time-zone';

/**
 * Bookings of one org with what the console lists about them. The booked date is the
 * occurrence's start, or the first item's for an appointment; the payment state is
 * derived from the amounts so a filter and a badge can never disagree.
 */
export function staffBookingsQuery(db: Db, orgId: string) {
  return db
    .selectFrom('bookings as b')
    .innerJoin('offerings as o', 'o.id', 'b.offeringId')
    .innerJoin('orgs as g', 'g.id', 'b.orgId')
    .leftJoin('occurrences as oc', 'oc.id', 'b.occurrenceId')
    .leftJoin('venues as v', (join) =>
      join.on(sql<boolean>`v.id = coalesce(oc.venue_id, o.venue_id)`),
    )
    .select([
      'b.id',
      'b.reference',
      'b.status',
      'b.contactName',
      'b.contactEmail',
      'b.contactPhone',
      'b.totalAmount',
      'b.paidAmount',
      'b.refundedAmount',
      'b.currency',
      'b.createdAt',
      'b.occurrenceId',
      'o.name as offeringName',
      'o.kind as offeringKind',
      'o.cancellationCutoffHours',
      offeringTimeZone({ offering: 'o', venue: 'v', org: 'g' }).as('timeZone'),
      bookedStart().as('startsAt'),
      paymentState().as('paymentState'),
    ])
    .where('b.orgId', '=', orgId);
}

export function bookedStart() {
  return sql<Date | null>`coalesce(oc.starts_at, (SELECT min(bi.starts_at) FROM booking_items bi WHERE bi.booking_id = b.id))`;
}

export function paymentState() {
  return sql<'unpaid' | 'paid' | 'partially_refunded' | 'refunded'>`CASE
    WHEN b.paid_amount = 0 THEN 'unpaid'
    WHEN b.refunded_amount = 0 THEN 'paid'
    WHEN b.refunded_amount < b.paid_amount THEN 'partially_refunded'
    ELSE 'refunded' END`;
}

type StaffBookingFacts = Awaited<
  ReturnType<ReturnType<typeof staffBookingsQuery>['executeTakeFirstOrThrow']>
>;

/** The row the bookings table shows. */
export function bookingRow(row: StaffBookingFacts) {
  return {
    reference: row.reference,
    status: row.status,
    paymentState: row.paymentState,
    contact: { name: row.contactName, email: row.contactEmail, phone: row.contactPhone },
    offeringName: row.offeringName,
    startsAt: row.startsAt,
    timeZone: row.timeZone,
    total: { amount: row.totalAmount, currency: row.currency },
    createdAt: row.createdAt,
  };
}
