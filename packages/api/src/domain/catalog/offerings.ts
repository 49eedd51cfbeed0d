import { offeringTimeZone } from '../shared/time-zone';
import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import { decodeCursor, encodeCursor } from '../shared/schemas';
import { ListOfferingsInput, type OfferingPage } from './schemas';

/** Published offerings, newest last, with their next date and lowest price. */
export async function listOfferings(
  db: Db,
  rawInput: ListOfferingsInput,
  now = new Date(),
): Promise<OfferingPage> {
  const input = ListOfferingsInput.parse(rawInput);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  if (
    input.cursor &&
    (after?.length !== 2 || typeof after[0] !== 'string' || typeof after[1] !== 'string')
  ) {
    throw new AppError(
      'VALIDATION',
      'This page link is no longer valid. Start again from the first page.',
    );
  }

  let query = db
    .selectFrom('offerings as o')
    .innerJoin('orgs', 'orgs.id', 'o.orgId')
    .leftJoin('venues as v', 'v.id', 'o.venueId')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('occurrences as oc')
          .select(['oc.id', 'oc.startsAt', 'oc.endsAt'])
          .whereRef('oc.offeringId', '=', 'o.id')
          .where('oc.status', '=', 'scheduled')
          .where('oc.startsAt', '>', now)
          .orderBy('oc.startsAt')
          .limit(1)
          .as('next'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      'o.id',
      'o.slug',
      'o.name',
      'o.kind',
      'o.description',
      'o.currency',
      // Text keeps the microseconds a JS Date would drop, so the cursor is exact.
      sql<string>`o.created_at::text`.as('sortKey'),
      'orgs.slug as orgSlug',
      'orgs.name as orgName',
      'v.name as venueName',
      'v.city as venueCity',
      'next.id as nextId',
      'next.startsAt as nextStartsAt',
      'next.endsAt as nextEndsAt',
      eb
        .selectFrom('ticketTypes as tt')
        .select((sub) => sub.fn.min<number>('tt.priceAmount').as('min'))
        .whereRef('tt.offeringId', '=', 'o.id')
        .where('tt.active', '=', true)
        .as('fromAmount'),
      offeringTimeZone({ offering: 'o', venue: 'v', org: 'orgs' }).as('timeZone'),
    ])
    .where('o.status', '=', 'published')
    .orderBy('o.createdAt')
    .orderBy('o.id')
    .limit(input.limit + 1);

  if (input.kind) query = query.where('o.kind', '=', input.kind);
  if (input.orgSlug) query = query.where('orgs.slug', '=', input.orgSlug);
  if (input.q) {
    const pattern = `%${input.q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([eb('o.name', 'ilike', pattern), eb('o.description', 'ilike', pattern)]),
    );
  }
  if (after) {
    const [createdAt, id] = after as [string, string];
    query = query.where(
      sql<boolean>`(o.created_at, o.id) > (${createdAt}::timestamptz, ${id}::uuid)`,
    );
  }

  const rows = await query.execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      description: row.description,
      org: { slug: row.orgSlug, name: row.orgName },
      venue: row.venueName ? { name: row.venueName, city: row.venueCity } : null,
      timeZone: row.timeZone,
      nextOccurrence:
        row.nextId && row.nextStartsAt && row.nextEndsAt
          ? { id: row.nextId, startsAt: row.nextStartsAt, endsAt: row.nextEndsAt }
          : null,
      fromPrice:
        row.fromAmount === null ? null : { amount: row.fromAmount, currency: row.currency },
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}
