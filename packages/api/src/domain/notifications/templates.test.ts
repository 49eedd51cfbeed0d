import { describe, expect, it } from 'vitest';
import { formatMoney, formatWhen, renderBookingMessage, type BookingFacts } from './templates';

const facts: BookingFacts = {
  reference: 'K7QX2M',
  contactName: 'Ada <script>',
  contactEmail: 'ada@example.test',
  contactPhone: null,
  status: 'confirmed',
  orgName: 'Harbour Arts',
  offeringName: 'Jazz & Blues Night',
  venueName: 'Pier 17 Hall',
  startsAt: new Date('2027-03-14T23:30:00Z'),
  timeZone: 'America/New_York',
  totalAmount: 4_550,
  paidAmount: 0,
  currency: 'USD',
};

describe('formatWhen', () => {
  it('shows the venue wall time on both sides of a daylight saving change, zone named', () => {
    // New York moves to daylight time on 14 March 2027: the same 23:30 UTC is 18:30, then 19:30.
    expect(formatWhen(new Date('2027-03-13T23:30:00Z'), 'America/New_York')).toMatch(
      /13 March 2027.*18:30 \(America\/New_York\)$/,
    );
    expect(formatWhen(new Date('2027-03-14T23:30:00Z'), 'America/New_York')).toMatch(
      /14 March 2027.*19:30 \(America\/New_York\)$/,
    );
  });
});

describe('formatMoney', () => {
  it('reads minor units with the currency’s own decimals', () => {
    expect(formatMoney(4_550, 'USD')).toBe('US$45.50');
    expect(formatMoney(4_550, 'JPY')).toBe('JP¥4,550');
  });
});

describe('renderBookingMessage', () => {
  it('names the reference, the offering and the local date in every part', () => {
    const message = renderBookingMessage('booking.confirmed', facts);
    expect(message.subject).toBe('Booking K7QX2M confirmed: Jazz & Blues Night');
    for (const part of [message.text, message.html]) {
      expect(part).toContain('K7QX2M');
      expect(part).toContain('19:30 (America/New_York)');
    }
    expect(message.text).toContain('Jazz & Blues Night');
    expect(message.text).toContain('US$45.50');
  });

  it('says in the confirmation what was paid, the receipt of a paid booking, and nothing when unpaid', () => {
    expect(
      renderBookingMessage('booking.confirmed', { ...facts, paidAmount: 4_550 }).text,
    ).toContain('Paid: US$45.50');
    expect(renderBookingMessage('booking.confirmed', facts).text).not.toContain('Paid');
  });

  it('escapes what people typed in the HTML part', () => {
    const { html } = renderBookingMessage('booking.confirmed', facts);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Jazz &#38; Blues Night');
  });

  it('says how much is refunded after a cancellation, and that nothing is when nothing was paid', () => {
    expect(
      renderBookingMessage('booking.cancelled', facts, { refundAmount: 1_000 }).text,
    ).toContain('Refund: US$10.00');
    expect(renderBookingMessage('booking.cancelled', facts, { refundAmount: 0 }).text).toContain(
      'nothing to refund',
    );
  });

  it('tells a moved customer the new total and what is refunded or still owed', () => {
    const refunded = renderBookingMessage('booking.moved', facts, {
      priceDifference: -1_000,
      ticketsAttached: true,
    }).text;
    expect(refunded).toContain('Refund: US$10.00');
    expect(refunded).toContain('earlier tickets no longer admit');
    expect(renderBookingMessage('booking.moved', facts, { priceDifference: 250 }).text).toContain(
      'Still to pay: US$2.50',
    );
  });
});
