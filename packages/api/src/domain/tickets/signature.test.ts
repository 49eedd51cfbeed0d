import { describe, expect, it } from 'vitest';
import { signTicket, verifyTicket } from './signature';

const secret = 'a-test-ticket-signing-secret-of-32-characters';
const ticket = { code: 'ABCDEFGHJK23', occurrenceId: '0b6f1c1e-8d3a-4f6e-9a51-3c2d7f00aa19' };

describe('ticket QR payload', () => {
  it('is compact and versioned, and verifies back to the code and date', () => {
    const payload = signTicket(ticket, secret);
    expect(payload).toMatch(/^T1\.ABCDEFGHJK23\.[\w-]{22}\.[\w-]{22}$/);
    expect(payload.length).toBeLessThanOrEqual(64);
    expect(verifyTicket(payload, secret)).toEqual({ valid: true, ...ticket });
  });

  it('signs an appointment ticket, which has no date of its own', () => {
    const payload = signTicket({ code: 'ABCDEFGHJK23', occurrenceId: null }, secret);
    expect(payload).toMatch(/^T1\.ABCDEFGHJK23\.\.[\w-]{22}$/);
    expect(verifyTicket(payload, secret)).toEqual({
      valid: true,
      code: 'ABCDEFGHJK23',
      occurrenceId: null,
    });
  });

  it('refuses a payload signed with another key', () => {
    const foreign = signTicket(ticket, 'another-organisations-key-of-32-characters!');
    expect(verifyTicket(foreign, secret)).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('refuses a changed code, date or signature', () => {
    const payload = signTicket(ticket, secret);
    const [version, code, occurrence, signature] = payload.split('.') as [
      string,
      string,
      string,
      string,
    ];
    const flip = (value: string, at: number) =>
      value.slice(0, at) + (value[at] === 'A' ? 'B' : 'A') + value.slice(at + 1);
    for (const tampered of [
      [version, flip(code, 0), occurrence, signature],
      [version, code, flip(occurrence, 3), signature],
      [version, code, '', signature],
      [version, code, occurrence, flip(signature, 0)],
      // Same bytes, another spelling: base64url's last character carries spare bits.
      [version, code, occurrence, signature.slice(0, 21) + (signature[21] === 'A' ? 'B' : 'A')],
    ])
      expect(verifyTicket(tampered.join('.'), secret)).toEqual({
        valid: false,
        reason: 'bad_signature',
      });
  });

  it('says a truncated or garbled payload is malformed, and a future version unknown', () => {
    const payload = signTicket(ticket, secret);
    for (const garbled of [
      payload.slice(0, -1),
      payload.slice(0, 20),
      '',
      'hello',
      `${payload}.extra`,
      payload.toLowerCase(),
    ])
      expect(verifyTicket(garbled, secret)).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyTicket(payload.replace(/^T1/, 'T2'), secret)).toEqual({
      valid: false,
      reason: 'unknown_version',
    });
  });

  it('refuses a code that is not a ticket code when signing', () => {
    expect(() => signTicket({ code: 'abc.def', occurrenceId: null }, secret)).toThrow(
      /not a ticket code/,
    );
  });
});
