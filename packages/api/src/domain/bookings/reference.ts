import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: references are read aloud on the phone and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A short human code from a crypto-random alphabet: 31^8, about 8.5e11 possibilities. */
export function newReference(length = 8): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** A ticket's code, printed under its QR: longer, since it admits someone. */
export const newTicketCode = () => newReference(12);
