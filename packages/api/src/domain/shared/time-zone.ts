import { sql, type RawBuilder } from 'kysely';

/**
 * The IANA zone an offering's times are shown in: its venue's, else its first stop's (a
 * trip's times read in the zone it departs from), else its org's. Takes the aliases the
 * calling query gives the offerings, venues and orgs tables.
 */
export function offeringTimeZone(aliases: {
  offering: string;
  venue: string;
  org: string;
}): RawBuilder<string> {
  return sql<string>`coalesce(
    ${sql.ref(`${aliases.venue}.time_zone`)},
    (SELECT ts.time_zone FROM trip_stops ts WHERE ts.offering_id = ${sql.ref(`${aliases.offering}.id`)} ORDER BY ts.position LIMIT 1),
    ${sql.ref(`${aliases.org}.time_zone`)}
  )`;
}
