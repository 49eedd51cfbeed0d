import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Outgoing webhook signatures, made and checked here only (the worker signs, receivers and
 * `@tessera/client` verify). Header `Tessera-Signature: t=<unix seconds>,v1=<hex>` where the
 * hex is HMAC-SHA256(secret, "<t>.<raw body>"): the timestamp is signed with the body, so a
 * captured delivery cannot be replayed later with a fresh time.
 */
export const SIGNATURE_HEADER = 'Tessera-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
}

function hmacHex(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/** The `Tessera-Signature` value for this body, at `timestamp` (unix seconds, default now). */
export function signWebhook(
  rawBody: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`;
}

type HeaderBag =
  | Headers
  | Record<string, string | readonly string[] | undefined>
  | { get(name: string): string | null };

function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const bag = headers as Record<string, string | readonly string[] | undefined>;
  const key = Object.keys(bag).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : bag[key];
  return typeof value === 'string' ? value : value?.[0];
}

/**
 * Checks a received delivery against the endpoint's secret and returns the parsed event.
 * Throws `WebhookVerificationError` for a missing or malformed header, a body or secret
 * that does not match, or a timestamp further than `toleranceSeconds` from now (replays).
 * Pass the body exactly as received, before any JSON parsing.
 */
export function verifyWebhook(
  rawBody: string,
  headers: HeaderBag,
  secret: string,
  { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = new Date() } = {},
): unknown {
  const header = headerValue(headers, SIGNATURE_HEADER);
  if (!header) throw new WebhookVerificationError(`Missing ${SIGNATURE_HEADER} header`);
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    // Several v1 values while a secret is being rotated; any one may match.
    if (key === 'v1' && value) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0)
    throw new WebhookVerificationError(`Malformed ${SIGNATURE_HEADER} header`);
  const age = Math.abs(now.getTime() / 1000 - timestamp);
  if (age > toleranceSeconds)
    throw new WebhookVerificationError(
      `Timestamp is ${Math.round(age)} s away from now (tolerance ${toleranceSeconds} s)`,
    );
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex');
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError('Signature does not match the body and secret');
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    throw new WebhookVerificationError('Body is not JSON');
  }
}
