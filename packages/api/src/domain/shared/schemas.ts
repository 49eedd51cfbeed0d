import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors';

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

/**
 * For org lists ordered by (created_at, id) newest first, with a cursor naming the last row
 * seen: the rows after it. The row's key is read in SQL, so microseconds survive (a JS Date
 * keeps milliseconds, and rows made within one millisecond would be skipped).
 */
export function olderThanCursorRow(options: {
  cursor: string;
  table: 'bookings' | 'audit_log' | 'outbound_messages';
  alias: string;
  orgId: string;
  isId: (id: unknown) => id is string | number;
}): RawBuilder<boolean> {
  const [id] = decodeCursor(options.cursor) ?? [];
  if (!options.isId(id))
    throw new AppError('VALIDATION', 'This page link is not valid: search again.');
  const ref = (column: string) => sql.ref(`${options.alias}.${column}`);
  return sql<boolean>`(${ref('created_at')}, ${ref('id')}) < (SELECT c.created_at, c.id FROM ${sql.table(options.table)} c WHERE c.id = ${id} AND c.org_id = ${options.orgId})`;
}

export const isUuid = (id: unknown): id is string => z.uuid().safeParse(id).success;
