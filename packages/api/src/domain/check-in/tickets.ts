import type { Db } from '@tessera/db';
import { sql } from 'kysely';

/**
 * Tickets with what a door needs to say about them: the holder (the attendee, else the
 * booking's contact), the place (seat, else ticket type, else the line's description).
 */
export function ticketsWithPlace(db: Db) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('bookings as b', 'b.id', 't.bookingId')
    .innerJoin('bookingItems as bi', 'bi.id', 't.bookingItemId')
    .leftJoin('attendees as a', 'a.id', 't.attendeeId')
    .leftJoin('seats as s', 's.id', 'bi.seatId')
    .leftJoin('ticketTypes as tt', 'tt.id', 'bi.ticketTypeId')
    .leftJoin('users as u', 'u.id', 't.checkedInBy')
    .select([
      't.id',
      't.code',
      't.orgId',
      't.bookingId',
      't.occurrenceId',
      't.status',
      't.checkedInAt',
      't.checkedInGate',
      'b.reference',
      'b.status as bookingStatus',
      sql<string>`coalesce(a.name, b.contact_name)`.as('holder'),
      sql<string>`coalesce(s.section || ' ' || s.row_label || ' ' || s.number, tt.name, bi.description)`.as(
        'place',
      ),
      'u.email as checkedInBy',
    ]);
}
