import { sql, type Kysely } from 'kysely';

/** Demand beyond stock (waitlists) and offers staff build for a customer (quotes). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE waitlist_entries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      occurrence_id uuid NOT NULL,
      ticket_type_id uuid,
      user_id uuid REFERENCES users (id) ON DELETE SET NULL,
      email text NOT NULL CHECK (email = lower(email)),
      name text,
      quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
      status text NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'offered', 'claimed', 'lapsed', 'cancelled')),
      offer_hold_id uuid,
      offered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, occurrence_id) REFERENCES occurrences (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, ticket_type_id) REFERENCES ticket_types (org_id, id),
      FOREIGN KEY (org_id, offer_hold_id) REFERENCES holds (org_id, id),
      CHECK (status <> 'offered' OR offer_hold_id IS NOT NULL)
    );
    -- First come, first offered.
    CREATE INDEX waitlist_queue_idx ON waitlist_entries (occurrence_id, created_at) WHERE status = 'waiting';
    CREATE UNIQUE INDEX waitlist_one_open_entry_key ON waitlist_entries (occurrence_id, email)
      WHERE status IN ('waiting', 'offered');

    CREATE TABLE quotes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
      reference text NOT NULL UNIQUE CHECK (reference ~ '^Q[A-Z0-9]{6,12}$'),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      contact_name text NOT NULL,
      contact_email text NOT NULL CHECK (contact_email = lower(contact_email)),
      contact_phone text,
      -- Inventory items ({ kind, occurrenceId, seatId, ticketTypeId, quantity, ... }) and
      -- custom lines ({ description, amount }), priced when the quote was built.
      items jsonb NOT NULL DEFAULT '[]',
      adjustment_amount integer NOT NULL DEFAULT 0,
      total_amount integer NOT NULL CHECK (total_amount >= 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'sent', 'accepted', 'expired', 'cancelled')),
      -- SHA-256 of the secret in the link sent to the customer.
      token_hash text UNIQUE,
      expires_at timestamptz,
      booking_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, booking_id) REFERENCES bookings (org_id, id)
    );
    CREATE INDEX quotes_org_idx ON quotes (org_id, created_at DESC);
  `.execute(db);
}
