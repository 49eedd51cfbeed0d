import { sql, type Kysely } from 'kysely';

/**
 * Org settings in the console: a default tax rate that new offerings start with, and the
 * number of times each outbound message was tried, which the email outbox shows staff.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A composite key to the org's own rates: a default can never be another org's rate.
    ALTER TABLE orgs
      ADD COLUMN default_tax_rate_id uuid,
      ADD FOREIGN KEY (id, default_tax_rate_id) REFERENCES tax_rates (org_id, id);

    -- Each claim of a message is one attempt: the first send, a job's retry of a failed
    -- message, the sweeper's takeover of a lost claim, a staff resend.
    ALTER TABLE outbound_messages
      ADD COLUMN attempts integer NOT NULL DEFAULT 1 CHECK (attempts >= 1);
    CREATE INDEX outbound_messages_org_status_idx ON outbound_messages (org_id, status, created_at DESC);
  `.execute(db);
}
