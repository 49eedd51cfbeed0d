import { sql, type Kysely } from 'kysely';

/**
 * The path of a sale: a hold (inventory set aside for a few minutes) becomes a booking,
 * whose items, attendees and tickets are what the customer bought.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE holds (
      -- Random v4 uuid: the hold id is the customer's capability, so it must be unguessable.
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      offering_id uuid NOT NULL,
      occurrence_id uuid,
      customer_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
      -- Who asked (user id, API key id or network address): caps live holds per client.
      client_key text NOT NULL,
      status text NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'converted', 'released', 'expired')),
      -- Waitlist offers are holds too, with a longer time to live.
      source text NOT NULL DEFAULT 'customer' CHECK (source IN ('customer', 'staff', 'waitlist', 'api')),
      expires_at timestamptz NOT NULL,
      -- Trips: the stops the passengers travel between (priced by segment_fares).
      origin_stop_id uuid,
      destination_stop_id uuid,
      total_amount integer NOT NULL DEFAULT 0 CHECK (total_amount >= 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, offering_id) REFERENCES offerings (org_id, id),
      FOREIGN KEY (org_id, occurrence_id) REFERENCES occurrences (org_id, id),
      FOREIGN KEY (org_id, origin_stop_id) REFERENCES trip_stops (org_id, id),
      FOREIGN KEY (org_id, destination_stop_id) REFERENCES trip_stops (org_id, id),
      CHECK ((status = 'active') = (ended_at IS NULL))
    );
    CREATE INDEX holds_active_expiry_idx ON holds (expires_at) WHERE status = 'active';
    CREATE INDEX holds_active_client_idx ON holds (client_key, expires_at) WHERE status = 'active';

    CREATE TABLE hold_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      hold_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('seat', 'ticket', 'slot', 'add_on')),
      ticket_type_id uuid,
      seat_id uuid,
      add_on_id uuid,
      resource_id uuid,
      starts_at timestamptz,
      ends_at timestamptz,
      quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
      unit_amount integer NOT NULL CHECK (unit_amount >= 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      FOREIGN KEY (org_id, hold_id) REFERENCES holds (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, ticket_type_id) REFERENCES ticket_types (org_id, id),
      FOREIGN KEY (org_id, seat_id) REFERENCES seats (org_id, id),
      FOREIGN KEY (org_id, add_on_id) REFERENCES add_ons (org_id, id),
      FOREIGN KEY (org_id, resource_id) REFERENCES resources (org_id, id),
      CHECK (kind <> 'seat' OR (seat_id IS NOT NULL AND quantity = 1)),
      CHECK (kind <> 'ticket' OR ticket_type_id IS NOT NULL),
      CHECK (kind <> 'add_on' OR add_on_id IS NOT NULL),
      CHECK (kind <> 'slot' OR (resource_id IS NOT NULL AND starts_at IS NOT NULL AND ends_at > starts_at))
    );
    CREATE INDEX hold_items_hold_idx ON hold_items (hold_id);

    CREATE TABLE bookings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      -- Short human code from a crypto-random alphabet without look-alike characters.
      reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z0-9]{6,12}$'),
      hold_id uuid,
      offering_id uuid NOT NULL,
      occurrence_id uuid,
      customer_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
      created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
      api_key_id uuid,
      channel text NOT NULL DEFAULT 'web' CHECK (channel IN ('web', 'agent', 'api')),
      status text NOT NULL CHECK (status IN ('pending_payment', 'confirmed', 'cancelled', 'refunded', 'expired')),
      contact_name text NOT NULL,
      contact_email text NOT NULL CHECK (contact_email = lower(contact_email)),
      contact_phone text,
      subtotal_amount integer NOT NULL CHECK (subtotal_amount >= 0),
      discount_amount integer NOT NULL DEFAULT 0 CHECK (discount_amount >= 0),
      tax_amount integer NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
      total_amount integer NOT NULL CHECK (total_amount >= 0),
      paid_amount integer NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
      refunded_amount integer NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      promo_code_id uuid,
      -- Set when something needs a person: amount mismatch, dispute, late payment.
      attention_reason text,
      payment_due_at timestamptz,
      confirmed_at timestamptz,
      cancelled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      UNIQUE (hold_id),
      FOREIGN KEY (org_id, hold_id) REFERENCES holds (org_id, id),
      FOREIGN KEY (org_id, offering_id) REFERENCES offerings (org_id, id),
      FOREIGN KEY (org_id, occurrence_id) REFERENCES occurrences (org_id, id),
      FOREIGN KEY (org_id, api_key_id) REFERENCES api_keys (org_id, id),
      FOREIGN KEY (org_id, promo_code_id) REFERENCES promo_codes (org_id, id),
      CHECK (discount_amount <= subtotal_amount),
      CONSTRAINT bookings_refunded_within_paid CHECK (refunded_amount <= paid_amount),
      CHECK (status <> 'confirmed' OR confirmed_at IS NOT NULL)
    );
    CREATE INDEX bookings_org_created_idx ON bookings (org_id, created_at DESC);
    CREATE INDEX bookings_org_email_idx ON bookings (org_id, contact_email);
    CREATE INDEX bookings_occurrence_idx ON bookings (occurrence_id, status);
    CREATE INDEX bookings_customer_idx ON bookings (customer_user_id, created_at DESC)
      WHERE customer_user_id IS NOT NULL;
    CREATE INDEX bookings_pending_idx ON bookings (payment_due_at) WHERE status = 'pending_payment';

    CREATE TABLE booking_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      booking_id uuid NOT NULL,
      -- Order of the lines as the customer chose them.
      position smallint NOT NULL CHECK (position >= 0),
      kind text NOT NULL CHECK (kind IN ('seat', 'ticket', 'slot', 'add_on', 'custom')),
      description text NOT NULL,
      occurrence_id uuid,
      ticket_type_id uuid,
      seat_id uuid,
      add_on_id uuid,
      resource_id uuid,
      starts_at timestamptz,
      ends_at timestamptz,
      origin_stop_id uuid,
      destination_stop_id uuid,
      quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
      unit_amount integer NOT NULL CHECK (unit_amount >= 0),
      discount_amount integer NOT NULL DEFAULT 0 CHECK (discount_amount >= 0),
      tax_amount integer NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
      total_amount integer NOT NULL CHECK (total_amount >= 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      status text NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'cancelled')),
      UNIQUE (org_id, id),
      UNIQUE (booking_id, position),
      FOREIGN KEY (org_id, booking_id) REFERENCES bookings (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, occurrence_id) REFERENCES occurrences (org_id, id),
      FOREIGN KEY (org_id, ticket_type_id) REFERENCES ticket_types (org_id, id),
      FOREIGN KEY (org_id, seat_id) REFERENCES seats (org_id, id),
      FOREIGN KEY (org_id, add_on_id) REFERENCES add_ons (org_id, id),
      FOREIGN KEY (org_id, resource_id) REFERENCES resources (org_id, id),
      FOREIGN KEY (org_id, origin_stop_id) REFERENCES trip_stops (org_id, id),
      FOREIGN KEY (org_id, destination_stop_id) REFERENCES trip_stops (org_id, id)
    );
    CREATE INDEX booking_items_booking_idx ON booking_items (booking_id);

    -- Passengers and ticket holders.
    CREATE TABLE attendees (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      booking_id uuid NOT NULL,
      booking_item_id uuid,
      -- Order in which the customer named them: the n-th attendee holds the n-th ticket.
      position smallint NOT NULL CHECK (position >= 0),
      name text NOT NULL,
      email text,
      phone text,
      details jsonb NOT NULL DEFAULT '{}',
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, booking_id) REFERENCES bookings (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, booking_item_id) REFERENCES booking_items (org_id, id) ON DELETE CASCADE
    );
    CREATE INDEX attendees_booking_idx ON attendees (booking_id);

    CREATE TABLE tickets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      booking_id uuid NOT NULL,
      booking_item_id uuid NOT NULL,
      attendee_id uuid,
      occurrence_id uuid,
      -- Short code printed under the QR; the QR carries it with an HMAC signature.
      code text NOT NULL UNIQUE,
      status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'void')),
      checked_in_at timestamptz,
      checked_in_by uuid REFERENCES users (id) ON DELETE SET NULL,
      checked_in_gate text,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, booking_id) REFERENCES bookings (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, booking_item_id) REFERENCES booking_items (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, attendee_id) REFERENCES attendees (org_id, id) ON DELETE SET NULL (attendee_id),
      FOREIGN KEY (org_id, occurrence_id) REFERENCES occurrences (org_id, id),
      CHECK (checked_in_at IS NOT NULL OR (checked_in_by IS NULL AND checked_in_gate IS NULL))
    );
    CREATE INDEX tickets_occurrence_idx ON tickets (occurrence_id, checked_in_at);
    CREATE INDEX tickets_booking_idx ON tickets (booking_id);
  `.execute(db);
}
