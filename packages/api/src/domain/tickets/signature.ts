import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '../../env';

/**
 * The QR payload of a ticket: `T1.<code>.<occurrence>.<signature>` (docs/decisions.md).
 * `occurrence` is the date's uuid as 22 base64url characters (empty for an appointment,
 * whose tickets have none), so a scanner can refuse another date's ticket offline; the
 * signature is HMAC-SHA256 over everything before it, truncated to 128 bits (22 base64url
 * characters) to keep the QR small and easy to scan.
 */
const VERSION = 'T1';
const SIGNATURE_BYTES = 16;
const CODE = /^[A-Z0-9]{6,20}$/;
const OCCURRENCE = /^[\w-]{22}$/;
const SIGNATURE = /^[\w-]{22}$/;

export interface SignedTicket {
  code: string;
  occurrenceId: string | null;
}

export type TicketVerification =
  | ({ valid: true } & SignedTicket)
  | { valid: false; reason: 'malformed' | 'unknown_version' | 'bad_signature' };

function uuidToBase64url(uuid: string): string {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex').toString('base64url');
}

function base64urlToUuid(value: string): string {
  const hex = Buffer.from(value, 'base64url').toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function signatureOf(signed: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(signed).digest().subarray(0, SIGNATURE_BYTES);
}

/** The payload to print as a ticket's QR. */
export function signTicket(
  ticket: SignedTicket,
  secret: string = env.TICKET_SIGNING_SECRET,
): string {
  if (!CODE.test(ticket.code)) throw new Error(`not a ticket code: ${ticket.code}`);
  const signed = `${VERSION}.${ticket.code}.${ticket.occurrenceId ? uuidToBase64url(ticket.occurrenceId) : ''}`;
  return `${signed}.${signatureOf(signed, secret).toString('base64url')}`;
}

/**
 * Checks a scanned payload; says why it is refused (truncated or garbled, a format this
 * version does not know, or signed with another key or altered). Constant-time compare.
 */
export function verifyTicket(
  payload: string,
  secret: string = env.TICKET_SIGNING_SECRET,
): TicketVerification {
  const parts = payload.trim().split('.');
  if (parts.length > 0 && parts[0] !== VERSION && /^T\d+$/.test(parts[0] ?? ''))
    return { valid: false, reason: 'unknown_version' };
  const [version, code, occurrence, signature] = parts;
  if (
    parts.length !== 4 ||
    version !== VERSION ||
    code === undefined ||
    !CODE.test(code) ||
    occurrence === undefined ||
    (occurrence !== '' && !OCCURRENCE.test(occurrence)) ||
    signature === undefined ||
    !SIGNATURE.test(signature)
  )
    return { valid: false, reason: 'malformed' };
  // Compared as text: base64url has several spellings of the same bytes, only one is ours.
  const expected = Buffer.from(
    signatureOf(`${version}.${code}.${occurrence}`, secret).toString('base64url'),
  );
  if (!timingSafeEqual(Buffer.from(signature), expected))
    return { valid: false, reason: 'bad_signature' };
  return { valid: true, code, occurrenceId: occurrence ? base64urlToUuid(occurrence) : null };
}
