import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { signatureHeader } from './signing';

const stripe = new Stripe('sk_test_signing');
const secret = 'whsec_test_secret';
const payload = JSON.stringify({
  id: 'evt_1',
  object: 'event',
  type: 'checkout.session.completed',
});

describe('signatureHeader', () => {
  it('matches the SDK test header and passes constructEvent', () => {
    const timestamp = 1_700_000_000;
    const expected = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    expect(signatureHeader(payload, secret, timestamp)).toBe(expected);
    const event = stripe.webhooks.constructEvent(payload, signatureHeader(payload, secret), secret);
    expect(event.id).toBe('evt_1');
  });

  it('is rejected for another body or secret', () => {
    const header = signatureHeader(payload, secret);
    expect(() =>
      stripe.webhooks.constructEvent(payload.replace('evt_1', 'evt_2'), header, secret),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_other')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });
});
