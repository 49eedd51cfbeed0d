import { sql } from 'kysely';
import type { Db } from '../client';

const COUNTED_TABLES = [
  'orgs',
  'users',
  'memberships',
  'venues',
  'resources',
  'availability_rules',
  'offerings',
  'ticket_types',
  'seat_maps',
  'seats',
  'occurrences',
  'occurrence_seats',
  'occurrence_ticket_types',
  'trip_stops',
  'segment_fares',
  'add_ons',
  'promo_codes',
] as const;

/** Prints how many rows each seeded table holds. */
export async function printDemoSummary(db: Db): Promise<void> {
  const { rows } = await sql<{ table: string; count: number }>`
    ${sql.join(
      COUNTED_TABLES.map((table) => sql`SELECT ${sql.lit(table)} AS "table", count(*)::int AS count FROM ${sql.table(table)}`),
      sql` UNION ALL `,
    )}
  `.execute(db);
  for (const { table, count } of rows) console.log(`  ${table.padEnd(24)} ${count}`);
}
