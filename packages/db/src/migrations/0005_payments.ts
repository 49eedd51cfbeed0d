import { sql, type Kysely } from 'kysely';

/**
 * Money movements. Provider event ids are unique, so a webhook delivered twice is
 * processed once (ARCHITECTURE.md, invariant 3).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE payments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      booking_id uuid NOT NULL,
      provider text NOT NULL CHECK (provider IN ('stripe', 'offline')),
      -- Checkout Session id for Stripe; null for offline payments.
      provider_ref text,
      provider_payment_intent text,
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'succeeded', 'failed', 'expired', 'cancelled')),
      amount integer NOT NULL CHECK (amount >= 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      refunded_amount integer NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
      checkout_url text,
      failure_reason text,
      idempotency_key text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      succeeded_at timestamptz,
      UNIQUE (org_id, id),
      UNIQUE (provider, provider_ref),
      UNIQUE (booking_id, idempotency_key),
      FOREIGN KEY (org_id, booking_id) REFERENCES bookings (org_id, id),
      CONSTRAINT payments_refunded_within_amount CHECK (refunded_amount <= amount)
    );
    CREATE INDEX payments_booking_idx ON payments (booking_id);
    CREATE INDEX payments_pending_idx ON payments (created_at) WHERE status = 'pending';

    CREATE TABLE refunds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      payment_id uuid NOT NULL,
      booking_id uuid NOT NULL,
      amount integer NOT NULL CHECK (amount > 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
      reason text NOT NULL CHECK (reason IN ('customer_cancellation', 'staff', 'late_payment', 'occurrence_cancelled', 'dispute')),
      provider_ref text,
      idempotency_key text NOT NULL,
      requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      UNIQUE (org_id, id),
      UNIQUE (booking_id, idempotency_key),
      FOREIGN KEY (org_id, payment_id) REFERENCES payments (org_id, id),
      FOREIGN KEY (org_id, booking_id) REFERENCES bookings (org_id, id)
    );
    CREATE UNIQUE INDEX refunds_provider_ref_key ON refunds (provider_ref) WHERE provider_ref IS NOT NULL;
    CREATE INDEX refunds_booking_idx ON refunds (booking_id);

    -- Every provider event as received; the org is known only once the event is matched.
    CREATE TABLE payment_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid REFERENCES orgs (id) ON DELETE CASCADE,
      provider text NOT NULL CHECK (provider IN ('stripe', 'offline')),
      provider_event_id text NOT NULL,
      type text NOT NULL,
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      processed_at timestamptz,
      error text,
      UNIQUE (provider, provider_event_id)
    );
  `.execute(db);
}
