import { describe, expect, it } from 'vitest';
import { renderPaymentLink } from './payment-link-template';

describe('renderPaymentLink', () => {
  it('gives the payment link, the total and the deadline in the venue zone', () => {
    const message = renderPaymentLink({
      reference: 'K7Q2XM9D',
      contactName: 'Samira',
      contactEmail: 'samira@example.test',
      contactPhone: null,
      status: 'pending_payment',
      orgName: 'Harbour Arts',
      offeringName: 'Harbour Jazz Night',
      venueName: 'Pier 17 Hall',
      startsAt: new Date('2027-03-14T23:30:00Z'),
      timeZone: 'America/New_York',
      totalAmount: 9000,
      paidAmount: 0,
      currency: 'EUR',
      paymentUrl: 'https://checkout.stripe.com/c/pay/cs_test_123',
      dueAt: new Date('2027-03-10T17:00:00Z'),
    });
    expect(message.subject).toBe('Pay for your booking K7Q2XM9D: Harbour Jazz Night');
    expect(message.text).toContain('Hello Samira,');
    expect(message.text).toContain('Total: €90.00');
    expect(message.text).toContain('Pay here: https://checkout.stripe.com/c/pay/cs_test_123');
    expect(message.text).toMatch(
      /Pay before: Wednesday,? 10 March 2027.*12:00 \(America\/New_York\)/,
    );
    expect(message.html).toContain('https://checkout.stripe.com/c/pay/cs_test_123');
  });
});
