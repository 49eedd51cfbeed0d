import { z } from 'zod';

/** Money is integer minor units plus an ISO 4217 currency, never a float. */
export const Money = z.object({
  amount: z.number().int(),
  currency: z.string().length(3),
});
export type Money = z.infer<typeof Money>;

export const OfferingKind = z.enum(['event', 'trip', 'appointment']);
export type OfferingKind = z.infer<typeof OfferingKind>;

/** Opaque keyset cursor: base64url of the sort key of the last row seen. */
export const Cursor = z.string().max(200);

export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] | null {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    return Array.isArray(parts) ? parts : null;
  } catch {
    return null;
  }
}
