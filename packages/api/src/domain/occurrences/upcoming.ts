import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { UpcomingOccurrencesInput, type StaffOccurrence } from './schemas';

/**
 * An org's coming dates with occupancy, for the staff console. Seat-mapped dates count
 * their seats (an expired hold counts as free: the engine reclaims it on the next claim);
 * general admission reads the guarded counter.
 */
export async function upcomingOccurrences(
  db: Db,
  orgId: string,
  rawInput: UpcomingOccurrencesInput,
  now = new Date(),
): Promise<StaffOccurrence[]> {
  const input = UpcomingOccurrencesInput.parse(rawInput);
  const rows = await db
    .selectFrom('occurrences as oc')
    .innerJoin('offerings as o', 'o.id', 'oc.offeringId')
    .innerJoin('orgs', 'orgs.id', 'oc.orgId')
    .leftJoin('venues as v', (join) => join.on(sql<boolean>`v.id = coalesce(oc.venue_id, o.venue_id)`))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('occurrenceSeats as os')
          .select([
            sql<number>`count(*) FILTER (WHERE os.status <> 'blocked')::int`.as('sellable'),
            sql<number>`count(*) FILTER (WHERE os.status = 'sold'
              OR (os.status = 'held' AND os.held_until >= ${now}))::int`.as('taken'),
          ])
          .whereRef('os.occurrenceId', '=', 'oc.id')
          .as('seats'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      'oc.id',
      'oc.startsAt',
      'oc.endsAt',
      'oc.status',
      'oc.capacity',
      'oc.taken',
      'oc.seatMapId',
      'o.id as offeringId',
      'o.name as offeringName',
      'o.kind as offeringKind',
      'v.name as venueName',
      'seats.sellable as seatCapacity',
      'seats.taken as seatsTaken',
      eb.fn
        .coalesce(
          'v.timeZone',
          eb
            .selectFrom('tripStops as ts')
            .select('ts.timeZone')
            .whereRef('ts.offeringId', '=', 'o.id')
            .orderBy('ts.position')
            .limit(1),
          'orgs.timeZone',
        )
        .as('timeZone'),
    ])
    .where('oc.orgId', '=', orgId)
    .where('oc.endsAt', '>', input.from ?? now)
    .orderBy('oc.startsAt')
    .orderBy('oc.id')
    .limit(input.limit)
    .execute();

  return rows.map((row) => {
    const seated = row.seatMapId !== null;
    const capacity = seated ? (row.seatCapacity ?? 0) : row.capacity;
    const taken = seated ? (row.seatsTaken ?? 0) : row.taken;
    return {
      id: row.id,
      offering: { id: row.offeringId, name: row.offeringName, kind: row.offeringKind },
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      timeZone: row.timeZone,
      venueName: row.venueName,
      capacity,
      taken,
      remaining: Math.max(0, capacity - taken),
      status: row.status,
    };
  });
}
