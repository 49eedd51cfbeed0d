import { describe, expect, it } from 'vitest';
import { renderWaitlistOffer } from './waitlist-offer-template';

describe('renderWaitlistOffer', () => {
  it('gives the claim link and the deadline in the venue zone, in text and HTML', () => {
    const message = renderWaitlistOffer({
      email: 'grace@example.test',
      name: 'Grace',
      quantity: 2,
      orgName: 'Harbour Arts',
      offeringName: 'Harbour Jazz Night',
      venueName: 'Pier 17 Hall',
      startsAt: new Date('2027-03-14T23:30:00Z'),
      timeZone: 'America/New_York',
      claimUrl: 'https://tickets.example.test/checkout/0b5e0f3c-5a43-4d7c-9a3e-2f1f4f8b9c10',
      expiresAt: new Date('2027-03-10T17:00:00Z'),
    });
    expect(message.subject).toBe('Places are free for you: Harbour Jazz Night');
    expect(message.text).toContain('Hello Grace,');
    expect(message.text).toContain('2 places came free');
    expect(message.text).toContain(
      'Book them here: https://tickets.example.test/checkout/0b5e0f3c-5a43-4d7c-9a3e-2f1f4f8b9c10',
    );
    expect(message.text).toContain(
      'Held for you until: Wednesday, 10 March 2027 at 12:00 (America/New_York)',
    );
    expect(message.html).toContain('/checkout/0b5e0f3c-5a43-4d7c-9a3e-2f1f4f8b9c10');
  });
});
