import { sql, type Kysely } from 'kysely';

/**
 * The rows the booking engine claims, with the constraints that make overselling
 * impossible whatever the concurrency (ARCHITECTURE.md, invariant 1):
 * - a seat of an occurrence exists once and is claimed by a conditional UPDATE;
 * - general-admission counters live on occurrences / occurrence_ticket_types (0002);
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
      CHECK (status <> 'held' OR (hold_id IS NOT NULL AND held_until IS NOT NULL)),
      CHECK (status <> 'sold' OR booking_id IS NOT NULL),
      CHECK (status NOT IN ('free', 'blocked') OR (hold_id IS NULL AND booking_id IS NULL))
    );
    CREATE INDEX occurrence_seats_hold_idx ON occurrence_seats (hold_id) WHERE hold_id IS NOT NULL;
    CREATE INDEX occurrence_seats_booking_idx ON occurrence_seats (booking_id) WHERE booking_id IS NOT NULL;

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
