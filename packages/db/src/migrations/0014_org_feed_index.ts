import { sql, type Kysely } from 'kysely';

/**
 * The console's live feed opens with the org's latest booking events and check-ins, read
 * from the outbox (`staff.dashboard.feed`). Without this index that read walks the whole
 * outbox backwards past every other org's rows until it finds twenty of this org's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX outbox_org_feed_idx ON outbox (org_id, id DESC) WHERE aggregate_type = 'booking';
  `.execute(db);
}
