import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { offeringTimeZone } from '../shared/time-zone';
import type { BookingFacts, WaitlistFacts } from './templates';

/** What a booking email says, read at send time (undefined when the booking is gone). */
export async function loadBookingFacts(
  db: Db,
  bookingId: string,
): Promise<BookingFacts | undefined> {
  const row = await db
    .selectFrom('bookings as b')
    .innerJoin('offerings as o', 'o.id', 'b.offeringId')
    .innerJoin('orgs as g', 'g.id', 'b.orgId')
    .leftJoin('occurrences as oc', 'oc.id', 'b.occurrenceId')
    .leftJoin('venues as v', (join) =>
      join.on(sql<boolean>`v.id = coalesce(oc.venue_id, o.venue_id)`),
    )
    .select([
      'b.reference',
      'b.contactName',
      'b.contactEmail',
      'b.contactPhone',
      'b.status',
      'b.totalAmount',
      'b.paidAmount',
      'b.currency',
      'g.name as orgName',
      'o.name as offeringName',
      'v.name as venueName',
      // Appointments have no occurrence: their time is the first booked slot's.
      sql<Date | null>`coalesce(oc.starts_at, (SELECT min(bi.starts_at) FROM booking_items bi WHERE bi.booking_id = b.id))`.as(
        'startsAt',
      ),
      offeringTimeZone({ offering: 'o', venue: 'v', org: 'g' }).as('timeZone'),
    ])
    .where('b.id', '=', bookingId)
    .executeTakeFirst();
  return row;
}

/** What a waiting-list email says (undefined when the entry is gone). */
export async function loadWaitlistFacts(
  db: Db,
  entryId: string,
): Promise<WaitlistFacts | undefined> {
  return db
    .selectFrom('waitlistEntries as w')
    .innerJoin('occurrences as oc', 'oc.id', 'w.occurrenceId')
    .innerJoin('offerings as o', 'o.id', 'oc.offeringId')
    .innerJoin('orgs as g', 'g.id', 'w.orgId')
    .leftJoin('venues as v', (join) =>
      join.on(sql<boolean>`v.id = coalesce(oc.venue_id, o.venue_id)`),
    )
    .select([
      'w.email',
      'w.name',
      'w.quantity',
      'g.name as orgName',
      'o.name as offeringName',
      'v.name as venueName',
      'oc.startsAt',
      offeringTimeZone({ offering: 'o', venue: 'v', org: 'g' }).as('timeZone'),
    ])
    .where('w.id', '=', entryId)
    .executeTakeFirst();
}
