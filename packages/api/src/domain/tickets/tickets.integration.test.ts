import { randomUUID } from 'node:crypto';
import { createUser } from '@tessera/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../../testing/api-test';
import { at, seatedOccurrence } from '../../testing/engine-fixtures';
import { ticketsBookingId } from './access';
import { bookingFiles, requestedBookingFile } from './files';
import { loadTicketsDocument } from './load';
import { signTicket, verifyTicket } from './signature';
import { readPdfQrCodes } from './testing/read-pdf-qr';
import { readPdfText } from './testing/read-pdf-text';

let t: ApiTest;
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };
const contact = { name: 'Amel Haddad', email: 'amel@example.test' };

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 4 });
});
afterAll(() => t.close());

/** Two seats of a free concert booked through the API (confirmed at once, tickets issued). */
async function bookTwoSeats({
  priceAmount = 0,
  userId,
  names = ['Amel Haddad', 'Karim Haddad'],
}: { priceAmount?: number; userId?: string; names?: [string, string] } = {}) {
  const { occurrence, seats } = await seatedOccurrence(t.db, {
    rows: 1,
    seatsPerRow: 4,
    priceAmount,
  });
  const api = await t.caller({ ...noLimits, userId });
  const hold = await api.holds.create({
    occurrenceId: occurrence.id,
    seatIds: [at(seats, 1).id, at(seats, 2).id],
  });
  const booked = await api.bookings.checkout({
    holdId: hold.holdId,
    idempotencyKey: `key-${randomUUID()}`,
    contact,
    attendees: names.map((name) => ({ name })),
  });
  const { id } = await t.db
    .selectFrom('bookings')
    .select('id')
    .where('reference', '=', booked.reference)
    .executeTakeFirstOrThrow();
  return { bookingId: id, reference: booked.reference, occurrence, seats };
}

describe('tickets of a booking', () => {
  it('prints one QR per ticket in the PDF, each verifying to its code and date; a tampered copy is refused', async () => {
    const { bookingId, reference, occurrence } = await bookTwoSeats();
    const document = await loadTicketsDocument(t.db, bookingId);
    expect(document.tickets.map((ticket) => [ticket.holder, ticket.seat])).toEqual([
      ['Amel Haddad', { section: 'Stalls', row: 'A', number: '2' }],
      ['Karim Haddad', { section: 'Stalls', row: 'A', number: '3' }],
    ]);

    const [pdf] = await bookingFiles(t.db, bookingId);
    expect(pdf?.filename).toBe(`tickets-${reference}.pdf`);
    expect(pdf?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const payloads = readPdfQrCodes(pdf?.content ?? Buffer.alloc(0));
    expect(payloads).toHaveLength(2);
    // Two payloads, both among the tickets: each ticket's QR, in whatever order.
    expect(payloads.map((payload) => verifyTicket(payload))).toEqual(
      expect.arrayContaining(
        document.tickets.map((ticket) => ({
          valid: true,
          code: ticket.code,
          occurrenceId: occurrence.id,
        })),
      ),
    );
    // What a person reads on each page: the venue's time with its zone named, seat, holder.
    const text = await readPdfText(pdf?.content ?? Buffer.alloc(0));
    expect(text).toContain(`(${document.timeZone})`);
    expect(text).toContain('Seat: Section Stalls, row A, seat 2');
    expect(text).toContain('Name: Karim Haddad');
    expect(text).toContain(`Booking reference: ${reference}`);
    // The code is printed letter-spaced.
    for (const ticket of document.tickets) expect(text.replaceAll(' ', '')).toContain(ticket.code);

    // The first QR with the other ticket's code (QRs come in no set order: pick by content).
    const first = payloads[0] ?? '';
    const other = document.tickets.find((ticket) => !first.includes(`.${ticket.code}.`))?.code;
    const forged = first.replace(/^T1\.[A-Z0-9]+\./, `T1.${other ?? ''}.`);
    expect(verifyTicket(forged)).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('prints names in any script: Polish, Nordic, Chinese', async () => {
    const { bookingId } = await bookTwoSeats({ names: ['Łukasz Żółć', 'Zoë Ødegård 李'] });
    const [pdf] = await bookingFiles(t.db, bookingId);
    const text = await readPdfText(pdf?.content ?? Buffer.alloc(0));
    expect(text).toContain('Name: Łukasz Żółć');
    expect(text).toContain('Name: Zoë Ødegård 李');
  });

  it('makes a calendar event starting at the date in UTC, at the venue, with the reference', async () => {
    const { bookingId, reference, occurrence } = await bookTwoSeats();
    const files = await bookingFiles(t.db, bookingId);
    const ics = files.find((file) => file.filename.endsWith('.ics'));
    expect(ics?.contentType).toMatch(/^text\/calendar/);
    const text = ics?.content.toString('utf8') ?? '';
    const utc = (date: Date) => `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
    // Lines fold at 75 octets; unfold before reading.
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain(`DTSTART:${utc(occurrence.startsAt)}`);
    expect(unfolded).toContain(`DTEND:${utc(occurrence.endsAt ?? occurrence.startsAt)}`);
    expect(unfolded).toContain(`UID:${reference}@tessera`);
    expect(unfolded).toMatch(new RegExp(`SUMMARY:.*\\(${reference}\\)`));
    expect(unfolded).toMatch(/LOCATION:Venue /);
    expect(unfolded).toContain('(Europe/Paris)');
  });

  it('shows the same signed QR payloads on the booking page as in the PDF', async () => {
    const { bookingId, reference } = await bookTwoSeats();
    const view = await (await t.caller()).bookings.byReference({ reference, email: contact.email });
    const document = await loadTicketsDocument(t.db, bookingId);
    expect(view.tickets.map((ticket) => ticket.qr)).toEqual(
      document.tickets.map((ticket) => ticket.qr),
    );
    expect(view.tickets.every((ticket) => verifyTicket(ticket.qr).valid)).toBe(true);
  });
});

describe('who may download them', () => {
  it('gives them for the reference and email, or to the signed-in owner; not for another email', async () => {
    const owner = await createUser(t.db);
    const { bookingId, reference } = await bookTwoSeats({ userId: owner.id });
    await expect(
      ticketsBookingId(t.db, { reference, email: contact.email, userId: null }),
    ).resolves.toBe(bookingId);
    await expect(ticketsBookingId(t.db, { reference, userId: owner.id })).resolves.toBe(bookingId);
    const stranger = await createUser(t.db);
    await expect(
      ticketsBookingId(t.db, { reference, email: 'someone@example.test', userId: stranger.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(ticketsBookingId(t.db, { reference, userId: null })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const file = await requestedBookingFile(t.db, 'ics', {
      reference,
      email: contact.email,
      userId: null,
    });
    expect(file.content.toString('utf8')).toMatch(/^BEGIN:VCALENDAR/);
  });

  it('refuses a booking that is not confirmed: it has no tickets yet', async () => {
    const { reference } = await bookTwoSeats({ priceAmount: 4500 });
    await expect(
      requestedBookingFile(t.db, 'pdf', { reference, email: contact.email, userId: null }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Tickets are available once the booking is confirmed.',
    });
  });

  it('signs with the configured key only: a payload signed with another verifies nowhere here', () => {
    const payload = signTicket({ code: 'ABCDEFGHJK23', occurrenceId: null }, 'x'.repeat(32));
    expect(verifyTicket(payload)).toEqual({ valid: false, reason: 'bad_signature' });
  });
});
