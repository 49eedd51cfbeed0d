import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { encodeCursor, isUuid, olderThanCursorRow } from '../shared/schemas';
import { bookedStart, bookingRow, paymentState, staffBookingsQuery } from './booking-facts';
import { BookingSearchInput, type BookingRow } from './schemas';

/**
 * An org's bookings, newest first, matching a reference exactly or a contact's email,
 * name or phone in part, with filters; keyset pagination on (created_at, id).
 */
export async function searchBookings(
  db: Db,
  orgId: string,
  rawInput: BookingSearchInput,
): Promise<{ items: BookingRow[]; nextCursor: string | null }> {
  const input = BookingSearchInput.parse(rawInput);
  let query = staffBookingsQuery(db, orgId);
  if (input.query) {
    const pattern = `%${input.query.replace(/[\\%_]/g, '\\$&')}%`;
    const digits = input.query.replace(/\D/g, '');
    query = query.where((eb) =>
      eb.or([
        eb('b.reference', '=', input.query?.toUpperCase() ?? ''),
        eb('b.contactEmail', 'ilike', pattern),
        eb('b.contactName', 'ilike', pattern),
        // Phones are typed with spaces and dashes: compare their digits.
        ...(digits.length >= 4
          ? [eb(sql`regexp_replace(b.contact_phone, '\\D', '', 'g')`, 'like', `%${digits}%`)]
          : []),
      ]),
    );
  }
  if (input.status) query = query.where('b.status', '=', input.status);
  if (input.paymentState) query = query.where(paymentState(), '=', input.paymentState);
  if (input.occurrenceId) query = query.where('b.occurrenceId', '=', input.occurrenceId);
  // Days are the org's: a day runs from its local midnight to the next.
  if (input.from)
    query = query.where(
      bookedStart(),
      '>=',
      sql<Date>`${input.from}::date::timestamp AT TIME ZONE g.time_zone`,
    );
  if (input.to)
    query = query.where(
      bookedStart(),
      '<',
      sql<Date>`(${input.to}::date + 1)::timestamp AT TIME ZONE g.time_zone`,
    );
  if (input.cursor)
    query = query.where(
      olderThanCursorRow({
        cursor: input.cursor,
        table: 'bookings',
        alias: 'b',
        orgId,
        isId: isUuid,
      }),
    );
  const rows = await query
    .orderBy('b.createdAt', 'desc')
    .orderBy('b.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(bookingRow),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
}
