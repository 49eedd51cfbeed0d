import { sql, type Kysely } from 'kysely';

/**
 * When a payment's link stops working (the provider's session expiry), recorded when the
 * link is made. A booking waiting for payment has its own deadline; a balance owed by a
 * confirmed booking (a move to dearer places) has only this one, and each reissued link its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE payments ADD COLUMN due_at timestamptz`.execute(db);
}
