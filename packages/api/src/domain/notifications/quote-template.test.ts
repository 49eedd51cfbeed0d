import { describe, expect, it } from 'vitest';
import { renderQuoteOffer } from './quote-template';

describe('renderQuoteOffer', () => {
  it('gives the offer link, the total and the validity in the venue zone', () => {
    const message = renderQuoteOffer({
      reference: 'QK7Q2XM9D',
      contactName: 'Samira',
      orgName: 'Harbour Arts',
      offeringName: 'Harbour Jazz Night',
      startsAt: new Date('2027-03-14T23:30:00Z'),
      timeZone: 'America/New_York',
      totalAmount: 12705,
      currency: 'EUR',
      offerUrl: 'https://tickets.example.test/quotes/abc',
      validUntil: new Date('2027-03-10T17:00:00Z'),
    });
    expect(message.subject).toBe('Your offer from Harbour Arts: QK7Q2XM9D');
    expect(message.text).toContain('Total: €127.05');
    expect(message.text).toContain(
      'See and accept it here: https://tickets.example.test/quotes/abc',
    );
    expect(message.text).toMatch(
      /Valid until: Wednesday,? 10 March 2027.*12:00 \(America\/New_York\)/,
    );
    expect(message.html).toContain('https://tickets.example.test/quotes/abc');
  });
});
