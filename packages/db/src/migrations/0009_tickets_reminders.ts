import { sql, type Kysely } from 'kysely';

/**
 * Notifications with tickets, reminders and the stuck-message sweeper: a message keeps the
 * names of its attachments (staff see what was sent; the sweeper rebuilds them) and when it
 * was last claimed for sending. The indexes serve the two scans the worker runs every minute.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE outbound_messages
      ADD COLUMN attachments text[] NOT NULL DEFAULT '{}',
      -- A sender claims a row (status 'queued') before sending; a claim this old was lost.
      ADD COLUMN claimed_at timestamptz NOT NULL DEFAULT now();

    -- The sweeper: claims older than a few minutes that never became sent, recorded or failed.
    CREATE INDEX outbound_messages_stuck_idx ON outbound_messages (claimed_at) WHERE status = 'queued';

    -- The reminder scan: dates starting within the next day (any org), then their bookings
    -- through bookings_occurrence_idx; appointments by their first slot.
    CREATE INDEX occurrences_starts_idx ON occurrences (starts_at);
    CREATE INDEX booking_items_slot_starts_idx ON booking_items (starts_at) WHERE kind = 'slot';
  `.execute(db);
}
