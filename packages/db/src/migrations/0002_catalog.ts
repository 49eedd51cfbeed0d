import { sql, type Kysely } from 'kysely';

/**
 * What is sold and when: venues, resources with their opening rules, offerings (events,
 * trips, appointments), their dates ("occurrences"), seat maps, and the price tiers.
 * Prices are integer minor units with an ISO 4217 currency, never floats.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE venues (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
      name text NOT NULL,
      address_line text,
      city text,
      country char(2),
      time_zone text NOT NULL CHECK (is_valid_time_zone(time_zone)),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id)
    );

    CREATE TABLE resources (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
      venue_id uuid,
      kind text NOT NULL CHECK (kind IN ('room', 'court', 'practitioner', 'vehicle')),
      name text NOT NULL,
      time_zone text NOT NULL CHECK (is_valid_time_zone(time_zone)),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, venue_id) REFERENCES venues (org_id, id)
    );

    -- Opening hours in the resource's local wall time: weekly rows (weekday set) and
    -- date overrides (on_date set) that replace the weekly hours of that day or close it.
    CREATE TABLE availability_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      resource_id uuid NOT NULL,
      weekday smallint CHECK (weekday BETWEEN 1 AND 7), -- ISO: 1 = Monday
      on_date date,
      opens_at time,
      closes_at time,
      closed boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, resource_id) REFERENCES resources (org_id, id) ON DELETE CASCADE,
      CHECK ((weekday IS NULL) <> (on_date IS NULL)),
      CHECK (closed OR (opens_at IS NOT NULL AND closes_at IS NOT NULL AND closes_at > opens_at)),
      CHECK (NOT (closed AND weekday IS NOT NULL))
    );
    CREATE INDEX availability_rules_resource_idx ON availability_rules (resource_id);

    CREATE TABLE tax_rates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
      name text NOT NULL,
      rate_basis_points integer NOT NULL CHECK (rate_basis_points BETWEEN 0 AND 10000),
      inclusive boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id)
    );

    CREATE TABLE offerings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
      venue_id uuid,
      tax_rate_id uuid,
      kind text NOT NULL CHECK (kind IN ('event', 'trip', 'appointment')),
      slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '',
      image_url text,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      -- Cancellation policy: customers may cancel until this many hours before the start.
      cancellation_cutoff_hours integer CHECK (cancellation_cutoff_hours >= 0),
      hold_minutes integer CHECK (hold_minutes BETWEEN 1 AND 1440),
      max_per_order integer NOT NULL DEFAULT 10 CHECK (max_per_order BETWEEN 1 AND 100),
      attendee_fields text[] NOT NULL DEFAULT '{}',
      -- Appointments: slot length, buffers kept free around a slot, notice and horizon.
      slot_minutes integer CHECK (slot_minutes > 0),
      buffer_before_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_before_minutes >= 0),
      buffer_after_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes >= 0),
      min_notice_minutes integer NOT NULL DEFAULT 0 CHECK (min_notice_minutes >= 0),
      horizon_days integer NOT NULL DEFAULT 90 CHECK (horizon_days > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      UNIQUE (org_id, slug),
      FOREIGN KEY (org_id, venue_id) REFERENCES venues (org_id, id),
      FOREIGN KEY (org_id, tax_rate_id) REFERENCES tax_rates (org_id, id),
      CHECK (kind <> 'appointment' OR slot_minutes IS NOT NULL)
    );
    CREATE INDEX offerings_listing_idx ON offerings (status, kind, created_at, id);

    -- Resources that can deliver an appointment offering ("any court").
    CREATE TABLE offering_resources (
      org_id uuid NOT NULL,
      offering_id uuid NOT NULL,
      resource_id uuid NOT NULL,
      PRIMARY KEY (offering_id, resource_id),
      FOREIGN KEY (org_id, offering_id) REFERENCES offerings (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, resource_id) REFERENCES resources (org_id, id) ON DELETE CASCADE
    );

    -- A trip's route: ordered stops, each with its own zone and offsets from departure.
    CREATE TABLE trip_stops (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      offering_id uuid NOT NULL,
      position smallint NOT NULL CHECK (position >= 0),
      name text NOT NULL,
      city text NOT NULL,
      time_zone text NOT NULL CHECK (is_valid_time_zone(time_zone)),
      arrival_offset_minutes integer CHECK (arrival_offset_minutes >= 0),
      departure_offset_minutes integer CHECK (departure_offset_minutes >= 0),
      UNIQUE (org_id, id),
      UNIQUE (offering_id, position),
      FOREIGN KEY (org_id, offering_id) REFERENCES offerings (org_id, id) ON DELETE CASCADE,
      CHECK (arrival_offset_minutes IS NULL OR departure_offset_minutes IS NULL
             OR departure_offset_minutes >= arrival_offset_minutes)
    );
    CREATE INDEX trip_stops_city_idx ON trip_stops (lower(city));

    CREATE TABLE seat_maps (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
      venue_id uuid,
      name text NOT NULL,
      width integer NOT NULL CHECK (width > 0),
      height integer NOT NULL CHECK (height > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, venue_id) REFERENCES venues (org_id, id)
    );

    CREATE TABLE seats (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      seat_map_id uuid NOT NULL,
      section text NOT NULL,
      row_label text NOT NULL,
      number text NOT NULL,
      x real NOT NULL,
      y real NOT NULL,
      category text NOT NULL,
      accessible boolean NOT NULL DEFAULT false,
      blocked boolean NOT NULL DEFAULT false,
      UNIQUE (org_id, id),
      UNIQUE (seat_map_id, section, row_label, number),
      FOREIGN KEY (org_id, seat_map_id) REFERENCES seat_maps (org_id, id) ON DELETE CASCADE
    );

    CREATE TABLE occurrences (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      offering_id uuid NOT NULL,
      venue_id uuid,
      seat_map_id uuid,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      -- Seats or general-admission units on sale; stock itself is rows (occurrence_seats,
      -- ticket_units) so that claims never queue on one hot counter row.
      capacity integer NOT NULL CHECK (capacity >= 0),
      sales_start_at timestamptz,
      sales_end_at timestamptz,
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'completed')),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      UNIQUE (offering_id, starts_at),
      FOREIGN KEY (org_id, offering_id) REFERENCES offerings (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, venue_id) REFERENCES venues (org_id, id),
      FOREIGN KEY (org_id, seat_map_id) REFERENCES seat_maps (org_id, id),
      CHECK (ends_at > starts_at),
      CHECK (sales_end_at IS NULL OR sales_start_at IS NULL OR sales_end_at > sales_start_at)
    );
    CREATE INDEX occurrences_org_starts_idx ON occurrences (org_id, starts_at);
    CREATE INDEX occurrences_offering_starts_idx ON occurrences (offering_id, starts_at);

    -- Price tiers of an offering. For reserved seating, seat_category links a tier to the
    -- seats of that category; quota_per_occurrence limits general-admission tiers.
    CREATE TABLE ticket_types (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      offering_id uuid NOT NULL,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      price_amount integer NOT NULL CHECK (price_amount >= 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      seat_category text,
      quota_per_occurrence integer CHECK (quota_per_occurrence >= 0),
      min_per_order integer NOT NULL DEFAULT 1 CHECK (min_per_order >= 1),
      max_per_order integer NOT NULL DEFAULT 10 CHECK (max_per_order >= min_per_order),
      sales_start_at timestamptz,
      sales_end_at timestamptz,
      sort_order integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, offering_id) REFERENCES offerings (org_id, id) ON DELETE CASCADE
    );
    CREATE INDEX ticket_types_offering_idx ON ticket_types (offering_id, sort_order);

    -- Per-occurrence quota of a general-admission ticket type; its stock is the
    -- ticket_units rows (0004), one per unit of the quota.
    CREATE TABLE occurrence_ticket_types (
      org_id uuid NOT NULL,
      occurrence_id uuid NOT NULL,
      ticket_type_id uuid NOT NULL,
      quota integer NOT NULL CHECK (quota >= 0),
      PRIMARY KEY (occurrence_id, ticket_type_id),
      UNIQUE (org_id, occurrence_id, ticket_type_id),
      FOREIGN KEY (org_id, occurrence_id) REFERENCES occurrences (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, ticket_type_id) REFERENCES ticket_types (org_id, id) ON DELETE CASCADE
    );

    -- Trip fares between two stops, when a segment costs less than the whole route.
    CREATE TABLE segment_fares (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      ticket_type_id uuid NOT NULL,
      origin_stop_id uuid NOT NULL,
      destination_stop_id uuid NOT NULL,
      price_amount integer NOT NULL CHECK (price_amount >= 0),
      UNIQUE (ticket_type_id, origin_stop_id, destination_stop_id),
      FOREIGN KEY (org_id, ticket_type_id) REFERENCES ticket_types (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, origin_stop_id) REFERENCES trip_stops (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, destination_stop_id) REFERENCES trip_stops (org_id, id) ON DELETE CASCADE,
      CHECK (origin_stop_id <> destination_stop_id)
    );

    -- Dynamic pricing steps: by occupancy (threshold = percent sold) or by time to start
    -- (threshold = hours before start). Adjustment in basis points or minor units.
    CREATE TABLE price_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      offering_id uuid NOT NULL,
      ticket_type_id uuid,
      kind text NOT NULL CHECK (kind IN ('occupancy', 'time_to_start')),
      threshold integer NOT NULL CHECK (threshold >= 0),
      adjustment_kind text NOT NULL CHECK (adjustment_kind IN ('percent_bp', 'amount')),
      adjustment_value integer NOT NULL,
      priority integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      FOREIGN KEY (org_id, offering_id) REFERENCES offerings (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, ticket_type_id) REFERENCES ticket_types (org_id, id) ON DELETE CASCADE,
      CHECK (kind <> 'occupancy' OR threshold <= 100)
    );
    CREATE INDEX price_rules_offering_idx ON price_rules (offering_id) WHERE active;

    CREATE TABLE promo_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
      offering_id uuid,
      code text NOT NULL CHECK (code = upper(code) AND code ~ '^[A-Z0-9_-]{3,40}$'),
      discount_kind text NOT NULL CHECK (discount_kind IN ('percent_bp', 'amount')),
      discount_value integer NOT NULL CHECK (discount_value > 0),
      currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
      max_redemptions integer CHECK (max_redemptions > 0),
      redeemed_count integer NOT NULL DEFAULT 0 CHECK (redeemed_count >= 0),
      valid_from timestamptz,
      valid_until timestamptz,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      UNIQUE (org_id, code),
      FOREIGN KEY (org_id, offering_id) REFERENCES offerings (org_id, id) ON DELETE CASCADE,
      CHECK (discount_kind <> 'percent_bp' OR discount_value <= 10000),
      CHECK (discount_kind <> 'amount' OR currency IS NOT NULL),
      CONSTRAINT promo_codes_redeemed_within_max
        CHECK (max_redemptions IS NULL OR redeemed_count <= max_redemptions)
    );

    -- Extras sold with a booking (baggage, meals, insurance), with optional stock. Stock is
    -- checked under a row lock against live holds and bookings: add-ons are rarely hot, and
    -- a counter would keep expired holds' units until someone tidied up.
    CREATE TABLE add_ons (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      offering_id uuid NOT NULL,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      price_amount integer NOT NULL CHECK (price_amount >= 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      per_item boolean NOT NULL DEFAULT false,
      max_per_order integer NOT NULL DEFAULT 10 CHECK (max_per_order > 0),
      stock integer CHECK (stock >= 0),
      active boolean NOT NULL DEFAULT true,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, offering_id) REFERENCES offerings (org_id, id) ON DELETE CASCADE
    );
  `.execute(db);
}
