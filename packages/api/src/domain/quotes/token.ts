import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes: the customer's link is the only key to the offer. */
export const newQuoteToken = () => randomBytes(32).toString('base64url');

/** Only a hash is stored, like invitations: a copy of the table opens no offer. */
export const hashQuoteToken = (token: string) => createHash('sha256').update(token).digest('hex');
