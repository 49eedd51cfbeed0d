import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { z } from 'zod';
import { offeringTimeZone } from '../shared/time-zone';

const count = z.number().int();

export const WaitlistDate = z.object({
  occurrenceId: z.uuid(),
  offeringName: z.string(),
  startsAt: z.date(),
  timeZone: z.string(),
  waiting: count,
  offered: count,
  claimed: count,
  lapsed: count,
});
export type WaitlistDate = z.infer<typeof WaitlistDate>;

/** The org's dates not yet over that have a waiting list, soonest first, with counts by state. */
export async function datesWithWaitlists(
  db: Db,
  orgId: string,
  now = new Date(),
): Promise<WaitlistDate[]> {
  const byStatus = (status: string) =>
    sql<number>`count(*) FILTER (WHERE w.status = ${status})::int`;
  return db
    .selectFrom('waitlistEntries as w')
    .innerJoin('occurrences as oc', 'oc.id', 'w.occurrenceId')
    .innerJoin('offerings as o', 'o.id', 'oc.offeringId')
    .innerJoin('orgs as g', 'g.id', 'oc.orgId')
    .leftJoin('venues as v', (join) =>
      join.on(sql<boolean>`v.id = coalesce(oc.venue_id, o.venue_id)`),
    )
    .select([
      'oc.id as occurrenceId',
      'o.name as offeringName',
      'oc.startsAt',
      offeringTimeZone({ offering: 'o', venue: 'v', org: 'g' }).as('timeZone'),
      byStatus('waiting').as('waiting'),
      byStatus('offered').as('offered'),
      byStatus('claimed').as('claimed'),
      byStatus('lapsed').as('lapsed'),
    ])
    .where('w.orgId', '=', orgId)
    .where('oc.endsAt', '>', now)
    .groupBy(['oc.id', 'o.id', 'v.id', 'g.id'])
    .orderBy('oc.startsAt')
    .orderBy('oc.id')
    .limit(200)
    .execute();
}
