import { sql, type Kysely } from 'kysely';

/**
 * The rows the booking engine claims, with the constraints that make overselling
 * impossible whatever the concurrency (ARCHITECTURE.md, invariant 1):
 * - a seat of an occurrence exists once and is claimed by a conditional UPDATE;
 * - so is each unit of a general-admission quota (ticket_units): measured here, 64 buyers
 *   claiming from one counter row got ~760 claims/s (84 ms average), from unit rows with
 *   FOR UPDATE SKIP LOCKED ~4,600/s (14 ms); see docs/decisions.md;
 * - a resource's time slots cannot overlap while live, by an exclusion constraint.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE occurrence_seats (
      org_id uuid NOT NULL,
      occurrence_id uuid NOT NULL,
      seat_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'free' CHECK (status IN ('free', 'held', 'sold', 'blocked')),
      hold_id uuid,
      -- Copy of the hold's expiry so a claim can reclaim an expired seat in one UPDATE:
      -- WHERE status = 'free' OR (status = 'held' AND held_until < now()).
      held_until timestamptz,
      booking_id uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (occurrence_id, seat_id),
      FOREIGN KEY (org_id, occurrence_id) REFERENCES occurrences (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, seat_id) REFERENCES seats (org_id, id),
      FOREIGN KEY (org_id, hold_id) REFERENCES holds (org_id, id),
      FOREIGN KEY (org_id, booking_id) REFERENCES bookings (org_id, id),
      CONSTRAINT occurrence_seats_held_by_a_hold CHECK (status <> 'held' OR (hold_id IS NOT NULL AND held_until IS NOT NULL)),
      CONSTRAINT occurrence_seats_sold_to_a_booking CHECK (status <> 'sold' OR booking_id IS NOT NULL),
      CONSTRAINT occurrence_seats_free_of_owners CHECK (status NOT IN ('free', 'blocked') OR (hold_id IS NULL AND booking_id IS NULL))
    );
    CREATE INDEX occurrence_seats_hold_idx ON occurrence_seats (hold_id) WHERE hold_id IS NOT NULL;
    CREATE INDEX occurrence_seats_booking_idx ON occurrence_seats (booking_id) WHERE booking_id IS NOT NULL;

    -- One row per unit of a general-admission quota (occurrence_ticket_types.quota), claimed
    -- like seats: WITH c AS MATERIALIZED (SELECT ... FOR UPDATE SKIP LOCKED LIMIT n) UPDATE.
    CREATE TABLE ticket_units (
      org_id uuid NOT NULL,
      occurrence_id uuid NOT NULL,
      ticket_type_id uuid NOT NULL,
      unit_no integer NOT NULL CHECK (unit_no >= 1),
      status text NOT NULL DEFAULT 'free' CHECK (status IN ('free', 'held', 'sold')),
      hold_id uuid,
      held_until timestamptz,
      booking_id uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (occurrence_id, ticket_type_id, unit_no),
      FOREIGN KEY (org_id, occurrence_id, ticket_type_id)
        REFERENCES occurrence_ticket_types (org_id, occurrence_id, ticket_type_id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, hold_id) REFERENCES holds (org_id, id),
      FOREIGN KEY (org_id, booking_id) REFERENCES bookings (org_id, id),
      CONSTRAINT ticket_units_held_by_a_hold CHECK (status <> 'held' OR (hold_id IS NOT NULL AND held_until IS NOT NULL)),
      CONSTRAINT ticket_units_sold_to_a_booking CHECK (status <> 'sold' OR booking_id IS NOT NULL),
      CONSTRAINT ticket_units_free_of_owners CHECK (status <> 'free' OR (hold_id IS NULL AND booking_id IS NULL))
    );
    -- Claims scan only units not sold yet.
    CREATE INDEX ticket_units_claimable_idx ON ticket_units (occurrence_id, ticket_type_id, unit_no)
      WHERE status <> 'sold';
    CREATE INDEX ticket_units_hold_idx ON ticket_units (hold_id) WHERE hold_id IS NOT NULL;
    CREATE INDEX ticket_units_booking_idx ON ticket_units (booking_id) WHERE booking_id IS NOT NULL;

    -- What is on sale per occurrence (and per general-admission ticket type; null for seats).
    -- A hold past its held_until counts as free: the next claim takes it (invariant 2).
    CREATE VIEW occurrence_stock AS
    SELECT occurrence_id,
           ticket_type_id,
           count(*) FILTER (WHERE status <> 'blocked')::int AS capacity,
           count(*) FILTER (WHERE status = 'sold')::int AS sold,
           count(*) FILTER (WHERE status = 'held' AND held_until >= now())::int AS held
    FROM (
      SELECT occurrence_id, NULL::uuid AS ticket_type_id, status, held_until FROM occurrence_seats
      UNION ALL
      SELECT occurrence_id, ticket_type_id, status, held_until FROM ticket_units
    ) AS stock
    GROUP BY occurrence_id, ticket_type_id;

    -- A time slot taken on a resource, by a hold or a booking. "period" is the time kept
    -- free, slot plus buffers. Live rows (released_at IS NULL) never overlap per resource;
    -- a claim first releases overlapping rows whose hold has expired, in the same transaction.
    CREATE TABLE slot_reservations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      resource_id uuid NOT NULL,
      offering_id uuid NOT NULL,
      hold_id uuid,
      booking_id uuid,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      period tstzrange NOT NULL,
      held_until timestamptz,
      released_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, resource_id) REFERENCES resources (org_id, id),
      FOREIGN KEY (org_id, offering_id) REFERENCES offerings (org_id, id),
      FOREIGN KEY (org_id, hold_id) REFERENCES holds (org_id, id),
      FOREIGN KEY (org_id, booking_id) REFERENCES bookings (org_id, id),
      CHECK (ends_at > starts_at),
      CHECK (period @> tstzrange(starts_at, ends_at)),
      CHECK (hold_id IS NOT NULL OR booking_id IS NOT NULL),
      CHECK (booking_id IS NOT NULL OR held_until IS NOT NULL),
      CONSTRAINT slot_reservations_no_overlap
        EXCLUDE USING gist (resource_id WITH =, period WITH &&) WHERE (released_at IS NULL)
    );
    CREATE INDEX slot_reservations_hold_idx ON slot_reservations (hold_id) WHERE hold_id IS NOT NULL;
    CREATE INDEX slot_reservations_booking_idx ON slot_reservations (booking_id) WHERE booking_id IS NOT NULL;

    -- Results of mutations that took an idempotency key, so a retry gets the first answer.
    CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL CHECK (length(key) BETWEEN 8 AND 200),
      request_hash text NOT NULL,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    );
    CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
  `.execute(db);
}
