import { sql, type Kysely } from 'kysely';

/**
 * Tenants, people and their roles. Every tenant-owned table later in the schema carries
 * `org_id` and references its parents through `(org_id, id)` pairs, so a row can never point
 * at another org's data: the database refuses it, whatever the application does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS btree_gist;
    CREATE EXTENSION IF NOT EXISTS pgcrypto;

    -- True when the name is a canonical-case IANA zone of this server's tz database; used by
    -- CHECK constraints. Looked up by name, not tried with AT TIME ZONE: that also accepts
    -- POSIX specs ('GMT+5' means UTC-5 there) and abbreviations ('PST') that Temporal and
    -- Intl reject. The lookup costs ~15 ms a row, fine for the few tables that hold a zone.
    CREATE FUNCTION is_valid_time_zone(tz text) RETURNS boolean
    LANGUAGE sql STABLE STRICT AS $$
      SELECT tz !~ '^(posix|right)/' AND tz NOT IN ('posixrules', 'localtime', 'Factory')
         AND EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = tz)
    $$;

    CREATE TABLE orgs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      currency char(3) NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
      time_zone text NOT NULL DEFAULT 'UTC' CHECK (is_valid_time_zone(time_zone)),
      hold_minutes integer NOT NULL DEFAULT 10 CHECK (hold_minutes BETWEEN 1 AND 1440),
      contact_email text,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
      name text NOT NULL DEFAULT '',
      phone text,
      password_hash text,
      superadmin boolean NOT NULL DEFAULT false,
      email_verified_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX users_email_key ON users (email);

    CREATE TABLE memberships (
      org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('owner', 'manager', 'agent', 'checkin', 'auditor')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, user_id)
    );
    CREATE INDEX memberships_user_idx ON memberships (user_id);

    CREATE TABLE staff_invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
      email text NOT NULL CHECK (email = lower(email)),
      role text NOT NULL CHECK (role IN ('owner', 'manager', 'agent', 'checkin', 'auditor')),
      token_hash text NOT NULL UNIQUE,
      invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX staff_invitations_open_key ON staff_invitations (org_id, email)
      WHERE accepted_at IS NULL;

    CREATE TABLE password_reset_tokens (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE api_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
      name text NOT NULL,
      -- The first characters of the key, shown in lists so staff can tell keys apart.
      prefix text NOT NULL,
      -- SHA-256 of the whole key; the key itself is shown once and never stored.
      key_hash text NOT NULL UNIQUE,
      scopes text[] NOT NULL CHECK (
        scopes <@ ARRAY['catalog:read', 'bookings:write', 'admin:read', 'admin:write']::text[]
        AND cardinality(scopes) > 0
      ),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      last_used_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id)
    );
  `.execute(db);
}
