import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { offeringTimeZone } from '../shared/time-zone';
import type { StaffOccurrence } from './schemas';

/**
 * An org's dates with what staff read about them (offering, zone, venue, occupancy from
 * `occurrence_stock`; an expired hold counts as free: the engine reclaims it on the next
 * claim). Callers add their window and order.
 */
export function occurrencesWithOccupancy(db: Db, orgId: string) {
  return db
    .selectFrom('occurrences as oc')
    .innerJoin('offerings as o', 'o.id', 'oc.offeringId')
    .innerJoin('orgs', 'orgs.id', 'oc.orgId')
    .leftJoin('venues as v', (join) =>
      join.on(sql<boolean>`v.id = coalesce(oc.venue_id, o.venue_id)`),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('occurrenceStock as st')
          .select([
            sql<number | null>`sum(st.capacity)::int`.as('capacity'),
            sql<number | null>`sum(st.sold + st.held)::int`.as('taken'),
          ])
          .whereRef('st.occurrenceId', '=', 'oc.id')
          .as('stock'),
      (join) => join.onTrue(),
    )
    .select([
      'oc.id',
      'oc.startsAt',
      'oc.endsAt',
      'oc.status',
      'oc.capacity',
      'o.id as offeringId',
      'o.name as offeringName',
      'o.kind as offeringKind',
      'v.name as venueName',
      'stock.capacity as stockCapacity',
      'stock.taken as stockTaken',
      offeringTimeZone({ offering: 'o', venue: 'v', org: 'orgs' }).as('timeZone'),
    ])
    .where('oc.orgId', '=', orgId);
}

type OccupancyRow = Awaited<
  ReturnType<ReturnType<typeof occurrencesWithOccupancy>['execute']>
>[number];

export function staffOccurrence(row: OccupancyRow): StaffOccurrence {
  // Occurrences without stock rows (appointments) report their nominal capacity.
  const capacity = row.stockCapacity ?? row.capacity;
  const taken = row.stockTaken ?? 0;
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
}
