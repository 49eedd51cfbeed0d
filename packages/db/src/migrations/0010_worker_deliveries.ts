import { sql, type Kysely } from 'kysely';

/**
 * Outgoing webhooks keep every attempt (staff read the log, the retry window starts at the
 * first one), and waitlist offers are found by their hold when it expires or is booked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE webhook_deliveries
      ADD COLUMN first_attempt_at timestamptz,
      ADD CONSTRAINT webhook_deliveries_org_id_id_key UNIQUE (org_id, id);

    CREATE TABLE webhook_delivery_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      org_id uuid NOT NULL,
      delivery_id uuid NOT NULL,
      attempt_no integer NOT NULL CHECK (attempt_no >= 1),
      -- Null when no HTTP answer came back (refused, timed out); error says why.
      response_status integer,
      -- The first few KB only: enough to see what the receiver said.
      response_body text,
      error text,
      duration_ms integer NOT NULL CHECK (duration_ms >= 0),
      attempted_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, delivery_id) REFERENCES webhook_deliveries (org_id, id) ON DELETE CASCADE,
      UNIQUE (delivery_id, attempt_no)
    );

    CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id, created_at);
    CREATE INDEX waitlist_offer_hold_idx ON waitlist_entries (offer_hold_id) WHERE offer_hold_id IS NOT NULL;
  `.execute(db);
}
