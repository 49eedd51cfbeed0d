import { createEvent } from 'ics';
import { env } from '../../env';
import { AppError } from '../../errors';
import { formatWhen } from '../notifications/templates';
import type { TicketsDocument } from './load';
import { seatOrType } from './pdf';

/** When a date has no end on record, the calendar blocks this long. */
const DEFAULT_DURATION_HOURS = 1;

/**
 * The booking as an iCalendar event. Start and end are written in UTC (a `Z` time needs no
 * VTIMEZONE, which every calendar reads the same way); the description names the venue's
 * zone. The uid is the reference, so importing it again updates the same event.
 */
export function bookingCalendar(booking: TicketsDocument): string {
  if (!booking.startsAt)
    throw new AppError('NOT_FOUND', 'This booking has no date to add to a calendar.');
  const place = booking.venue
    ? [booking.venue.name, booking.venue.address].filter(Boolean).join(', ')
    : undefined;
  const description = [
    `Booking reference: ${booking.reference}`,
    `When: ${formatWhen(booking.startsAt, booking.timeZone)}`,
    ...booking.tickets.map(
      (ticket) =>
        `Ticket ${ticket.code}: ${seatOrType(ticket)}${ticket.holder ? ` (${ticket.holder})` : ''}`,
    ),
  ].join('\n');
  const { error, value } = createEvent({
    productId: '-//Tessera//Bookings//EN',
    uid: `${booking.reference}@tessera`,
    title: `${booking.offeringName} (${booking.reference})`,
    description,
    location: place,
    url: new URL(`/bookings/${booking.reference}`, env.PUBLIC_SITE_URL).toString(),
    organizer: { name: booking.orgName },
    start: booking.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    ...(booking.endsAt
      ? { end: booking.endsAt.getTime(), endInputType: 'utc', endOutputType: 'utc' }
      : { duration: { hours: DEFAULT_DURATION_HOURS } }),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
  });
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}
