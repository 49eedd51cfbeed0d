import type { Db } from '@tessera/db';
import { occurrencesWithOccupancy, staffOccurrence } from './occupancy';
import { UpcomingOccurrencesInput, type StaffOccurrence } from './schemas';

/** An org's coming dates with occupancy, for the staff console. */
export async function upcomingOccurrences(
  db: Db,
  orgId: string,
  rawInput: UpcomingOccurrencesInput,
  now = new Date(),
): Promise<StaffOccurrence[]> {
  const input = UpcomingOccurrencesInput.parse(rawInput);
  const rows = await occurrencesWithOccupancy(db, orgId)
    .where('oc.endsAt', '>', input.from ?? now)
    .orderBy('oc.startsAt')
    .orderBy('oc.id')
    .limit(input.limit)
    .execute();
  return rows.map(staffOccurrence);
}
