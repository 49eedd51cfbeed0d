import type { Db } from '@tessera/db';
import { occurrencesWithOccupancy, staffOccurrence } from '../occurrences/occupancy';
import { orgToday } from './org-today';
import type { DashboardToday } from './schemas';

/** Dates starting on the org's local today (already started ones too), soonest first. */
export async function todaysOccurrences(
  db: Db,
  orgId: string,
  now = new Date(),
): Promise<DashboardToday> {
  const day = await orgToday(db, orgId, now);
  const rows = await occurrencesWithOccupancy(db, orgId)
    .where('oc.startsAt', '>=', day.start)
    .where('oc.startsAt', '<', day.end)
    .orderBy('oc.startsAt')
    .orderBy('oc.id')
    .limit(200)
    .execute();
  return { timeZone: day.timeZone, date: day.date, occurrences: rows.map(staffOccurrence) };
}
