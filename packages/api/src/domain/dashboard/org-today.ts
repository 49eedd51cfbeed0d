import type { Db } from '@tessera/db';
import { localDateOf, localInstant } from '../availability/slots';

/** The org's local day around `now`: its zone, its date and the instants of its midnights. */
export async function orgToday(db: Db, orgId: string, now: Date) {
  const { timeZone } = await db
    .selectFrom('orgs')
    .select('timeZone')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const date = localDateOf(now, timeZone);
  /** The local midnight `days` dates after today (negative: before); counted in dates, so DST-safe. */
  const midnight = (days: number) => localInstant(date.add({ days }), '00:00', timeZone);
  return { timeZone, date: date.toString(), start: midnight(0), end: midnight(1), midnight };
}
