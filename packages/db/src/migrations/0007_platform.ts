import { sql, type Kysely } from 'kysely';

/**
 * What the platform records and sends: the audit trail, the transactional outbox
 * (ARCHITECTURE.md, invariant 4), outgoing webhooks and every message to a person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
      actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
      actor_api_key_id uuid,
      actor_label text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      changes jsonb NOT NULL DEFAULT '{}',
      request_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, actor_api_key_id) REFERENCES api_keys (org_id, id)
    );
    CREATE INDEX audit_log_org_idx ON audit_log (org_id, created_at DESC);
    CREATE INDEX audit_log_entity_idx ON audit_log (org_id, entity_type, entity_id);

    -- Written in the same transaction as the change it describes; relayed by the worker.
    CREATE TABLE outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      org_id uuid REFERENCES orgs (id) ON DELETE CASCADE,
      aggregate_type text NOT NULL,
      aggregate_id text NOT NULL,
      event_type text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      relayed_at timestamptz,
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      last_error text
    );
    CREATE INDEX outbox_pending_idx ON outbox (id) WHERE relayed_at IS NULL;

    CREATE TABLE webhook_endpoints (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
      url text NOT NULL CHECK (url ~ '^https?://'),
      description text NOT NULL DEFAULT '',
      -- Signing secret shown to staff once; needed in clear to sign deliveries.
      secret text NOT NULL,
      event_types text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id)
    );

    CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      endpoint_id uuid NOT NULL,
      outbox_id bigint REFERENCES outbox (id) ON DELETE SET NULL,
      event_type text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed', 'dead')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at timestamptz,
      response_status integer,
      response_body text,
      created_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz,
      FOREIGN KEY (org_id, endpoint_id) REFERENCES webhook_endpoints (org_id, id) ON DELETE CASCADE,
      UNIQUE (endpoint_id, outbox_id)
    );
    CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC);

    -- Every email or SMS the platform sent, or would have sent with no provider configured.
    CREATE TABLE outbound_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid REFERENCES orgs (id) ON DELETE CASCADE,
      channel text NOT NULL CHECK (channel IN ('email', 'sms')),
      template text NOT NULL,
      recipient text NOT NULL,
      subject text,
      body_text text NOT NULL,
      body_html text,
      booking_id uuid,
      -- One message per (purpose, subject): a retried job never sends twice.
      dedupe_key text UNIQUE,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'recorded', 'failed')),
      provider_message_id text,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      FOREIGN KEY (org_id, booking_id) REFERENCES bookings (org_id, id) ON DELETE CASCADE
    );
    CREATE INDEX outbound_messages_org_idx ON outbound_messages (org_id, created_at DESC);
  `.execute(db);
}
