import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook, WebhookVerificationError } from './signature';

const secret = 'whsec_test_0123456789abcdef';
const body = JSON.stringify({ type: 'booking.confirmed', data: { reference: 'TSX4K2' } });
const now = new Date('2026-11-21T12:00:00Z');
const t = Math.floor(now.getTime() / 1000);

describe('signWebhook', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256 in hex', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhook(body, secret, t)).toBe(`t=${t},v1=${expected}`);
  });
});

describe('verifyWebhook', () => {
  it('accepts its own signature and returns the parsed event, from a Headers or a plain object', () => {
    const signature = signWebhook(body, secret, t);
    expect(
      verifyWebhook(body, new Headers({ 'tessera-signature': signature }), secret, { now }),
    ).toEqual(JSON.parse(body));
    expect(verifyWebhook(body, { 'Tessera-Signature': signature }, secret, { now })).toEqual(
      JSON.parse(body),
    );
  });

  it('accepts any one of several v1 signatures (a secret being rotated)', () => {
    const [, good] = signWebhook(body, secret, t).split(',');
    const header = `t=${t},v1=${'0'.repeat(64)},${good}`;
    expect(verifyWebhook(body, { 'tessera-signature': header }, secret, { now })).toBeTruthy();
  });

  it.each([
    ['a tampered body', body.replace('TSX4K2', 'TSX4K3'), secret, t, /does not match/],
    ['the wrong secret', body, 'whsec_someone_else', t, /does not match/],
    ['a timestamp six minutes old', body, secret, t - 360, /360 s away from now/],
    ['a timestamp from the future', body, secret, t + 400, /400 s away/],
  ])('rejects %s', (_case, receivedBody, signingSecret, signedAt, message) => {
    const header = signWebhook(body, signingSecret, signedAt);
    expect(() =>
      verifyWebhook(receivedBody, { 'tessera-signature': header }, secret, { now }),
    ).toThrow(message);
  });

  it('honours a custom tolerance', () => {
    const header = signWebhook(body, secret, t - 30);
    expect(() =>
      verifyWebhook(body, { 'tessera-signature': header }, secret, { now, toleranceSeconds: 10 }),
    ).toThrow(WebhookVerificationError);
    expect(
      verifyWebhook(body, { 'tessera-signature': header }, secret, { now, toleranceSeconds: 60 }),
    ).toBeTruthy();
  });

  it.each([
    ['no header', {}, /Missing Tessera-Signature/],
    ['no timestamp', { 'tessera-signature': 'v1=abc' }, /Malformed/],
    ['no signature', { 'tessera-signature': `t=${t}` }, /Malformed/],
    ['a signature that is not hex', { 'tessera-signature': `t=${t},v1=zz` }, /does not match/],
  ])('rejects %s', (_case, headers, message) => {
    expect(() => verifyWebhook(body, headers, secret, { now })).toThrow(message);
  });
});
