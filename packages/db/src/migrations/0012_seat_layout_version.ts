import { sql, type Kysely } from 'kysely';

/**
 * A seat map's layout (positions, labels, categories, accessibility) changes rarely while its
 * seats' statuses change all the time, so the API caches layouts and reads only statuses per
 * request. `layout_version` tells a cached layout from a stale one: any write to a map's seats
 * bumps it, whoever makes the write (a trigger, so no editor can forget).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE seat_maps ADD COLUMN layout_version bigint NOT NULL DEFAULT 1;

    CREATE FUNCTION seats_bump_layout_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE seat_maps SET layout_version = layout_version + 1
        WHERE id IN (SELECT seat_map_id FROM new_seats);
      ELSIF TG_OP = 'DELETE' THEN
        UPDATE seat_maps SET layout_version = layout_version + 1
        WHERE id IN (SELECT seat_map_id FROM old_seats);
      ELSE
        UPDATE seat_maps SET layout_version = layout_version + 1
        WHERE id IN (SELECT seat_map_id FROM new_seats UNION SELECT seat_map_id FROM old_seats);
      END IF;
      RETURN NULL;
    END
    $$;

    -- One bump per statement and map, not per seat: generating 2,000 seats is one statement.
    CREATE TRIGGER seats_layout_inserted AFTER INSERT ON seats
      REFERENCING NEW TABLE AS new_seats
      FOR EACH STATEMENT EXECUTE FUNCTION seats_bump_layout_version();
    CREATE TRIGGER seats_layout_updated AFTER UPDATE ON seats
      REFERENCING OLD TABLE AS old_seats NEW TABLE AS new_seats
      FOR EACH STATEMENT EXECUTE FUNCTION seats_bump_layout_version();
    CREATE TRIGGER seats_layout_deleted AFTER DELETE ON seats
      REFERENCING OLD TABLE AS old_seats
      FOR EACH STATEMENT EXECUTE FUNCTION seats_bump_layout_version();
  `.execute(db);
}
