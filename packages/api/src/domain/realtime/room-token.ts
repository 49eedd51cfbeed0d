import { createHmac, timingSafeEqual } from 'node:crypto';

/** Long enough to connect and join; a reconnect asks the API for a new one. */
export const ROOM_TOKEN_TTL_SECONDS = 5 * 60;

export interface RoomToken {
  token: string;
  room: string;
  expiresAt: Date;
}

const sign = (secret: string, body: string) =>
  createHmac('sha256', secret).update(body).digest('base64url');

/**
 * A short-lived grant to join one private room of the realtime gateway (`org:<id>`,
 * `booking:<reference>`): `<room>.<expiry in unix seconds>.<HMAC-SHA256>`. The API issues it
 * where it has authorised the caller; the gateway only checks the signature and the expiry.
 */
export function signRoomToken(
  secret: string,
  room: string,
  now = new Date(),
  ttlSeconds = ROOM_TOKEN_TTL_SECONDS,
): RoomToken {
  const expiresAt = new Date((Math.floor(now.getTime() / 1000) + ttlSeconds) * 1000);
  const body = `${room}.${expiresAt.getTime() / 1000}`;
  return { token: `${body}.${sign(secret, body)}`, room, expiresAt };
}

export type RoomTokenCheck = { ok: true } | { ok: false; reason: 'invalid' | 'expired' };

/** Whether `token` grants `room` now. Rooms contain no dots, so the split is unambiguous. */
export function verifyRoomToken(
  secret: string,
  token: string,
  room: string,
  now = new Date(),
): RoomTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [tokenRoom, expiry, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(secret, `${tokenRoom}.${expiry}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  if (tokenRoom !== room) return { ok: false, reason: 'invalid' };
  if (!/^\d+$/.test(expiry) || Number(expiry) * 1000 <= now.getTime())
    return { ok: false, reason: 'expired' };
  return { ok: true };
}
