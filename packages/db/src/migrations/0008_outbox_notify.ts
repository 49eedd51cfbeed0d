import { sql, type Kysely } from 'kysely';

/**
 * Wakes the worker's outbox relay when events are written, instead of waiting for its next
 * poll. NOTIFY is delivered at commit, so a rolled-back change wakes nobody; one
 * notification per statement, and the relay reads what is pending, so no payload is needed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('tessera_outbox', '');
      RETURN NULL;
    END
    $$;
    CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
  `.execute(db);
}
