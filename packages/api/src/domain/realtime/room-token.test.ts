import { describe, expect, it } from 'vitest';
import { signRoomToken, verifyRoomToken } from './room-token';

const secret = 'a-test-secret-of-at-least-32-characters';
const room = 'org:7d3b8f0e-4a8e-4d0c-9a57-0f4b1c2d3e4f';
const now = new Date('2026-11-21T12:00:00Z');

describe('room tokens', () => {
  it('grant their room until they expire', () => {
    const { token, expiresAt } = signRoomToken(secret, room, now, 60);
    expect(expiresAt.toISOString()).toBe('2026-11-21T12:01:00.000Z');
    expect(verifyRoomToken(secret, token, room, now)).toEqual({ ok: true });
    expect(verifyRoomToken(secret, token, room, new Date('2026-11-21T12:01:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuse another room, another secret and any edit', () => {
    const { token } = signRoomToken(secret, room, now);
    const other = 'org:00000000-4a8e-4d0c-9a57-0f4b1c2d3e4f';
    expect(verifyRoomToken(secret, token, other, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyRoomToken(`${secret}!`, token, room, now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const [, expiry, signature] = token.split('.');
    const forged = `${other}.${expiry}.${signature}`;
    expect(verifyRoomToken(secret, forged, other, now)).toEqual({ ok: false, reason: 'invalid' });
    const later = `${room}.${Number(expiry) + 3600}.${signature}`;
    expect(verifyRoomToken(secret, later, room, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyRoomToken(secret, 'garbage', room, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
