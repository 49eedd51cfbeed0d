import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { AppError } from '../../errors';
import { formatWhen } from '../notifications/templates';
import { faceRuns, ticketFonts, type TicketFace } from './fonts';
import type { TicketSheet, TicketsDocument } from './load';

const QR_SIZE = 200;

/** "Section B, row 4, seat 12", or the ticket type (general admission, a fare, a slot). */
export function seatOrType(ticket: TicketSheet): string {
  return ticket.seat
    ? `Section ${ticket.seat.section}, row ${ticket.seat.row}, seat ${ticket.seat.number}`
    : ticket.label;
}

/** The QR of a payload as a PNG; medium error correction survives a creased printout or a cracked screen. */
function qrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
}

/**
 * The booking's tickets as a PDF, one A5 page per ticket: the QR with its code under it,
 * what, when (in the venue's zone, named), where, seat or ticket type, holder, reference.
 */
export async function renderTicketsPdf(booking: TicketsDocument): Promise<Buffer> {
  // A PDF needs at least one page; a booking of add-ons alone admits nobody.
  if (booking.tickets.length === 0)
    throw new AppError('NOT_FOUND', 'This booking has no tickets to print.');
  const pages = await Promise.all(
    booking.tickets.map(async (ticket) => ({ ticket, qr: await qrPng(ticket.qr) })),
  );
  const doc = new PDFDocument({
    size: 'A5',
    margin: 40,
    autoFirstPage: false,
    info: {
      Title: `Tickets ${booking.reference}: ${booking.offeringName}`,
      Author: booking.orgName,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  for (const [face, { data }] of Object.entries(ticketFonts())) doc.registerFont(face, data);
  /** Text in `face`, with the fallback face for the characters it has no glyph for. */
  const write = (face: TicketFace, text: string, options: PDFKit.Mixins.TextOptions = {}) => {
    const runs = faceRuns(text, face);
    runs.forEach((run, index) => {
      const last = index === runs.length - 1;
      doc.font(run.face).text(run.text, { ...options, continued: !last || options.continued });
    });
  };

  const holderWord = booking.offeringKind === 'trip' ? 'Passenger' : 'Name';
  pages.forEach(({ ticket, qr }, index) => {
    doc.addPage();
    const width = doc.page.width - 80;
    doc.fontSize(10).fillColor('#555555');
    write('regular', booking.orgName);
    doc.moveDown(0.3);
    doc.fontSize(18).fillColor('#111111');
    write('bold', booking.offeringName);
    doc.moveDown(0.5);
    const line = (label: string, value: string) => {
      doc.fontSize(11);
      write('bold', `${label}: `, { continued: true });
      write('regular', value);
    };
    if (booking.startsAt) line('When', formatWhen(booking.startsAt, booking.timeZone));
    if (booking.venue)
      line(
        'Where',
        booking.venue.address
          ? `${booking.venue.name}, ${booking.venue.address}`
          : booking.venue.name,
      );
    line(ticket.seat ? 'Seat' : 'Ticket', seatOrType(ticket));
    if (ticket.holder) line(holderWord, ticket.holder);
    line('Booking reference', booking.reference);

    const top = Math.max(doc.y + 16, 250);
    const left = (doc.page.width - QR_SIZE) / 2;
    doc.image(qr, left, top, { width: QR_SIZE, height: QR_SIZE });
    // The code and the footer are ASCII: one face each, no fallback needed.
    doc
      .font('code')
      .fontSize(16)
      .text(ticket.code, 40, top + QR_SIZE + 8, { width, align: 'center', characterSpacing: 2 });
    doc
      .font('regular')
      .fontSize(9)
      .fillColor('#555555')
      .text(`Ticket ${index + 1} of ${booking.tickets.length}. Show this code at the entrance.`, {
        width,
        align: 'center',
      });
  });
  doc.end();
  return done;
}
