import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import { offeringTimeZone } from '../shared/time-zone';
import type { CheckInCount, CheckInOccurrence } from './schemas';

/** Checked in / expected: the date's valid tickets (a cancelled booking's are void). */
export async function checkInCount(db: Db, occurrenceId: string): Promise<CheckInCount> {
  const row = await db
    .selectFrom('tickets')
    .select([
      sql<number>`count(*) FILTER (WHERE checked_in_at IS NOT NULL)::int`.as('checkedIn'),
      sql<number>`count(*)::int`.as('expected'),
    ])
    .where('occurrenceId', '=', occurrenceId)
    .where('status', '=', 'valid')
    .executeTakeFirstOrThrow();
  return row;
}

/** A date of the org, as the scanner and manifest head it; another org's is not found. */
export async function checkInOccurrence(
  db: Db,
  orgId: string,
  occurrenceId: string,
): Promise<CheckInOccurrence> {
  const occurrence = await db
    .selectFrom('occurrences as oc')
    .innerJoin('offerings as o', 'o.id', 'oc.offeringId')
    .innerJoin('orgs as g', 'g.id', 'oc.orgId')
    .leftJoin('venues as v', (join) =>
      join.on(sql<boolean>`v.id = coalesce(oc.venue_id, o.venue_id)`),
    )
    .select([
      'oc.id',
      'oc.startsAt',
      'o.name as offeringName',
      'o.kind as offeringKind',
      offeringTimeZone({ offering: 'o', venue: 'v', org: 'g' }).as('timeZone'),
    ])
    .where('oc.id', '=', occurrenceId)
    .where('oc.orgId', '=', orgId)
    .executeTakeFirst();
  if (!occurrence) throw new AppError('NOT_FOUND', 'No date of your organisation has this id.');
  return { ...occurrence, count: await checkInCount(db, occurrenceId) };
}
