import { sql, type RawBuilder } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { localInstant } from '../availability/slots';

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

/**
 * A wall-clock "YYYY-MM-DDTHH:MM" (an HTML datetime-local value) in `timeZone`, as an
 * instant; an Invalid Date for anything else, for the caller's validation to refuse.
 */
export function instantOfLocalDateTime(local: string, timeZone: string): Date {
  const [date = '', time = ''] = local.split('T');
  try {
    return localInstant(Temporal.PlainDate.from(date), time.slice(0, 5), timeZone);
  } catch {
    return new Date(NaN);
  }
}
