import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { bookingView } from '../bookings/view';
import { signTicket } from './signature';

/** One admission: what the PDF prints on its page and the scanner reads from its QR. */
export interface TicketSheet {
  code: string;
  /** The signed QR payload (signature.ts). */
  qr: string;
  holder: string | null;
  seat: { section: string; row: string; number: string } | null;
  /** The ticket type, or the line's description (a fare, a slot) when there is none. */
  label: string;
}

/** What the tickets PDF and the calendar file of a booking say. */
export interface TicketsDocument {
  reference: string;
  orgName: string;
  offeringName: string;
  offeringKind: 'event' | 'trip' | 'appointment';
  startsAt: Date | null;
  endsAt: Date | null;
  /** The venue's IANA zone (the resource's for an appointment), named wherever a time is shown. */
  timeZone: string;
  venue: { name: string; address: string | null } | null;
  tickets: TicketSheet[];
}

/**
 * Reads a booking's tickets with their seats and holders. Times, zone and status come
 * from `bookingView`, so the PDF says what the booking page says; void tickets are left out.
 */
export async function loadTicketsDocument(db: Db, bookingId: string): Promise<TicketsDocument> {
  const view = await bookingView(db, bookingId);
  const [place, tickets] = await Promise.all([
    db
      .selectFrom('bookings as b')
      .innerJoin('offerings as o', 'o.id', 'b.offeringId')
      .innerJoin('orgs as g', 'g.id', 'b.orgId')
      .leftJoin('occurrences as oc', 'oc.id', 'b.occurrenceId')
      .leftJoin('venues as v', (join) =>
        join.on(sql<boolean>`v.id = coalesce(oc.venue_id, o.venue_id)`),
      )
      .select([
        'g.name as orgName',
        'v.name as venueName',
        sql<string | null>`nullif(concat_ws(', ', v.address_line, v.city, v.country), '')`.as(
          'venueAddress',
        ),
      ])
      .where('b.id', '=', bookingId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('tickets as t')
      .innerJoin('bookingItems as bi', 'bi.id', 't.bookingItemId')
      .leftJoin('attendees as a', 'a.id', 't.attendeeId')
      .leftJoin('seats as s', 's.id', 'bi.seatId')
      .leftJoin('ticketTypes as tt', 'tt.id', 'bi.ticketTypeId')
      .select([
        't.code',
        't.occurrenceId',
        'a.name as holder',
        's.section',
        's.rowLabel',
        's.number',
        'tt.name as ticketType',
        'bi.description',
      ])
      .where('t.bookingId', '=', bookingId)
      .where('t.status', '=', 'valid')
      // The booking page's order: the n-th attendee holds the n-th ticket.
      .orderBy('a.position')
      .orderBy('t.code')
      .execute(),
  ]);
  return {
    reference: view.reference,
    orgName: place.orgName,
    offeringName: view.offering.name,
    offeringKind: view.offering.kind,
    startsAt: view.startsAt,
    endsAt: view.endsAt,
    timeZone: view.timeZone,
    venue: place.venueName ? { name: place.venueName, address: place.venueAddress } : null,
    tickets: tickets.map((ticket) => ({
      code: ticket.code,
      qr: signTicket({ code: ticket.code, occurrenceId: ticket.occurrenceId }),
      holder: ticket.holder,
      seat:
        ticket.section !== null && ticket.rowLabel !== null && ticket.number !== null
          ? { section: ticket.section, row: ticket.rowLabel, number: ticket.number }
          : null,
      label: ticket.ticketType ?? ticket.description,
    })),
  };
}
