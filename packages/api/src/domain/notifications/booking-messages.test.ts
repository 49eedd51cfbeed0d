import { describe, expect, it } from 'vitest';
import { bookingSms, renderBookingSms } from './sms';
import { renderBookingMessage, type BookingFacts, type BookingMessageType } from './templates';

const facts: BookingFacts = {
  reference: 'K7QX2M',
  contactName: 'Ada Lovelace',
  contactEmail: 'ada@example.test',
  contactPhone: '+1 212 555 0100',
  status: 'confirmed',
  orgName: 'Harbour Arts',
  offeringName: 'Jazz Night',
  venueName: 'Pier 17 Hall',
  startsAt: new Date('2027-03-14T23:30:00Z'),
  timeZone: 'America/New_York',
  totalAmount: 4_550,
  paidAmount: 0,
  currency: 'USD',
};

const EVERY_KIND: BookingMessageType[] = [
  'booking.confirmed',
  'booking.payment_received',
  'booking.reminder',
  'booking.cancelled',
  'booking.moved',
  'booking.refunded',
  'booking.payment_failed',
  'booking.late_payment_refunded',
  'booking.expired',
];

describe('booking messages', () => {
  it.each(EVERY_KIND)(
    '%s has a subject, a text and an HTML part naming the venue time zone',
    (type) => {
      const message = renderBookingMessage(type, facts, { refundAmount: 1_000, amount: 4_550 });
      expect(message.subject).not.toBe('');
      for (const part of [message.text, message.html]) {
        expect(part).toContain('K7QX2M');
        expect(part).toContain('19:30 (America/New_York)');
      }
      expect(message.html).toMatch(/^<!doctype html>/);
    },
  );

  it('gives the amount in a receipt and in a refund', () => {
    expect(
      renderBookingMessage('booking.payment_received', facts, { amount: 4_550 }).text,
    ).toContain('Amount paid: US$45.50');
    expect(renderBookingMessage('booking.refunded', facts, { refundAmount: 1_000 }).text).toContain(
      'We have refunded US$10.00',
    );
  });

  it('says which reminder it is', () => {
    expect(renderBookingMessage('booking.reminder', facts, { reminder: '24h' }).subject).toBe(
      'Reminder: Jazz Night is tomorrow',
    );
    expect(renderBookingMessage('booking.reminder', facts, { reminder: '2h' }).subject).toBe(
      'Reminder: Jazz Night starts in 2 hours',
    );
  });

  it('tells the customer the tickets are attached only when they are', () => {
    expect(
      renderBookingMessage('booking.confirmed', facts, { ticketsAttached: true }).text,
    ).toContain('Your tickets are attached (PDF)');
    expect(renderBookingMessage('booking.confirmed', facts).text).not.toContain('attached');
  });
});

describe('booking text messages', () => {
  const message = { bookingId: 'b1', orgId: 'o1', dedupeKey: 'booking.confirmed:7' };

  it('are short and name the reference and the local time with its zone', () => {
    const text = renderBookingSms({ type: 'booking.confirmed' }, facts);
    expect(text).toBe(
      'Harbour Arts: booking K7QX2M confirmed. Jazz Night, Sunday, 14 March 2027 at 19:30 (America/New_York). Your tickets are in your email.',
    );
    expect(renderBookingSms({ type: 'booking.reminder', reminder: '2h' }, facts)).toContain(
      'Jazz Night starts in 2 hours',
    );
  });

  it('go to the contact phone with a dedupe key of their own, and not at all without a phone', () => {
    expect(bookingSms(facts, message, { type: 'booking.confirmed' })).toMatchObject({
      recipient: '+1 212 555 0100',
      dedupeKey: 'sms:booking.confirmed:7',
      template: 'booking.confirmed',
    });
    expect(
      bookingSms({ ...facts, contactPhone: null }, message, { type: 'booking.confirmed' }),
    ).toBeUndefined();
  });
});
