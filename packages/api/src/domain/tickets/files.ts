import type { Db } from '@tessera/db';
import { ticketsBookingId, type TicketsRequest } from './access';
import { bookingCalendar } from './calendar';
import { loadTicketsDocument, type TicketsDocument } from './load';
import { renderTicketsPdf } from './pdf';

/** A file made for a booking: attached to an email, or downloaded from the booking page. */
export interface BookingFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export type BookingFileKind = 'pdf' | 'ics';

async function render(kind: BookingFileKind, booking: TicketsDocument): Promise<BookingFile> {
  if (kind === 'pdf')
    return {
      filename: `tickets-${booking.reference}.pdf`,
      contentType: 'application/pdf',
      content: await renderTicketsPdf(booking),
    };
  return {
    filename: `booking-${booking.reference}.ics`,
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: Buffer.from(bookingCalendar(booking), 'utf8'),
  };
}

/** The tickets PDF and the calendar file of a confirmed booking (the confirmation email's attachments). */
export async function bookingFiles(db: Db, bookingId: string): Promise<BookingFile[]> {
  const booking = await loadTicketsDocument(db, bookingId);
  const kinds: BookingFileKind[] = [];
  if (booking.tickets.length > 0) kinds.push('pdf');
  if (booking.startsAt) kinds.push('ics');
  return Promise.all(kinds.map((kind) => render(kind, booking)));
}

/** One file for the booking page's download links, under the page's access rule. */
export async function requestedBookingFile(
  db: Db,
  kind: BookingFileKind,
  request: TicketsRequest,
): Promise<BookingFile> {
  const bookingId = await ticketsBookingId(db, request);
  return render(kind, await loadTicketsDocument(db, bookingId));
}
