import { sql, type Kysely } from 'kysely';

/**
 * A general-admission claim looked for units with `status <> 'sold'`, so it walked every live
 * held unit before the first free one: with a few thousand units in holds, each claim read
 * thousands of rows (the engine benchmark's GA phase spent 1.6 cores in PostgreSQL for 196
 * holds/s). Claims now take free units from their own index, then lapsed holds' units by
 * expiry from another, so a claim reads about as many rows as it takes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX ticket_units_claimable_idx;
    CREATE INDEX ticket_units_free_idx ON ticket_units (occurrence_id, ticket_type_id, unit_no)
      WHERE status = 'free';
    CREATE INDEX ticket_units_lapsing_idx ON ticket_units (occurrence_id, ticket_type_id, held_until)
      WHERE status = 'held';
  `.execute(db);
}
