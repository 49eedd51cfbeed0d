import type { Db } from '@tessera/db';
import { sql } from 'kysely';

/** Bookings of the org waiting for their payment (the bookings list filtered by that status). */
export async function pendingPaymentCount(db: Db, orgId: string): Promise<{ count: number }> {
  return db
    .selectFrom('bookings')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('orgId', '=', orgId)
    .where('status', '=', 'pending_payment')
    .executeTakeFirstOrThrow();
}
