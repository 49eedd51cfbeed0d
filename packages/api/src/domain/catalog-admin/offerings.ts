import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError, notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import type { Tx } from '../shared/idempotency';
import { offeringTimeZone } from '../shared/time-zone';
import { auditCatalogChange } from './audit';
import { checkOwnVenue } from './venues';
import {
  CreateOfferingInput,
  type OfferingAdminDetail,
  type OfferingSummary,
  type UpdateOfferingInput,
} from './schemas';
import { ticketTypeColumns } from './columns';

/** The offering if it is the org's; another org's id reads as not found (no hint it exists). */
export async function ownOffering(db: Db | Tx, orgId: string, offeringId: string) {
  const offering = await db
    .selectFrom('offerings as o')
    .innerJoin('orgs', 'orgs.id', 'o.orgId')
    .leftJoin('venues as v', 'v.id', 'o.venueId')
    .select([
      'o.id',
      'o.orgId',
      'o.venueId',
      'o.currency',
      'o.kind',
      offeringTimeZone({ offering: 'o', venue: 'v', org: 'orgs' }).as('timeZone'),
    ])
    .where('o.id', '=', offeringId)
    .where('o.orgId', '=', orgId)
    .executeTakeFirst();
  if (!offering) throw notFound('This offering');
  return offering;
}

const upcomingCount = sql<number>`(SELECT count(*)::int FROM occurrences oc
  WHERE oc.offering_id = o.id AND oc.status = 'scheduled' AND oc.starts_at > now())`;

export function listOfferingsForStaff(db: Db, orgId: string): Promise<OfferingSummary[]> {
  return db
    .selectFrom('offerings as o')
    .leftJoin('venues as v', 'v.id', 'o.venueId')
    .select(['o.id', 'o.kind', 'o.name', 'o.slug', 'o.status', 'o.currency', 'v.name as venueName'])
    .select(upcomingCount.as('upcomingOccurrences'))
    .where('o.orgId', '=', orgId)
    .orderBy('o.createdAt', 'desc')
    .execute();
}

/** Everything the offering page of the console shows; upcoming and past 30 days of dates. */
export async function offeringForStaff(
  db: Db,
  orgId: string,
  offeringId: string,
): Promise<OfferingAdminDetail> {
  const { timeZone } = await ownOffering(db, orgId, offeringId);
  const [offering, ticketTypes, stops, occurrences] = await Promise.all([
    db
      .selectFrom('offerings as o')
      .leftJoin('venues as v', 'v.id', 'o.venueId')
      .select([
        'o.id',
        'o.kind',
        'o.name',
        'o.slug',
        'o.status',
        'o.currency',
        'v.name as venueName',
      ])
      .select(['o.description', 'o.cancellationCutoffHours', 'o.maxPerOrder', 'o.taxRateId'])
      .select(upcomingCount.as('upcomingOccurrences'))
      .where('o.id', '=', offeringId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('ticketTypes')
      .select(ticketTypeColumns)
      .where('offeringId', '=', offeringId)
      .orderBy('sortOrder')
      .orderBy('name')
      .execute(),
    db
      .selectFrom('tripStops')
      .select(['name', 'city', 'timeZone', 'departureOffsetMinutes', 'arrivalOffsetMinutes'])
      .where('offeringId', '=', offeringId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('occurrences')
      .select(['id', 'startsAt', 'endsAt', 'status', 'capacity'])
      .where('offeringId', '=', offeringId)
      .where('startsAt', '>', sql<Date>`now() - interval '30 days'`)
      .orderBy('startsAt')
      .limit(400)
      .execute(),
  ]);
  return {
    ...offering,
    timeZone,
    ticketTypes,
    stops: stops.map((stop) => ({
      name: stop.name,
      city: stop.city,
      timeZone: stop.timeZone,
      offsetMinutes: stop.departureOffsetMinutes ?? stop.arrivalOffsetMinutes ?? 0,
    })),
    occurrences,
  };
}

export async function createOffering(
  db: Db,
  rawInput: CreateOfferingInput,
  staff: StaffMember,
  requestId: string,
): Promise<{ id: string }> {
  const input = CreateOfferingInput.parse(rawInput);
  return db.transaction().execute(async (tx) => {
    if (input.venueId) await checkOwnVenue(tx, staff.orgId, input.venueId);
    const taken = await tx
      .selectFrom('offerings')
      .select('id')
      .where('orgId', '=', staff.orgId)
      .where('slug', '=', input.slug)
      .executeTakeFirst();
    if (taken)
      throw new AppError('CONFLICT', 'Another offering already uses this address (slug).', {
        field: 'slug',
      });
    const offering = await tx
      .insertInto('offerings')
      .values({
        orgId: staff.orgId,
        kind: input.kind,
        name: input.name,
        slug: input.slug,
        description: input.description,
        venueId: input.venueId,
        currency: input.currency,
        slotMinutes: input.kind === 'appointment' ? input.slotMinutes : null,
        // A new offering is taxed at the org's default rate (Settings).
        taxRateId: (eb) =>
          eb.selectFrom('orgs').select('defaultTaxRateId').where('id', '=', staff.orgId),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A stop's offset is both its arrival and departure: dwell times are not modelled here.
    if (input.kind === 'trip')
      await tx
        .insertInto('tripStops')
        .values(
          input.stops.map((stop, position) => ({
            orgId: staff.orgId,
            offeringId: offering.id,
            position,
            name: stop.name,
            city: stop.city,
            timeZone: stop.timeZone,
            arrivalOffsetMinutes: position === 0 ? null : stop.offsetMinutes,
            departureOffsetMinutes: position === input.stops.length - 1 ? null : stop.offsetMinutes,
          })),
        )
        .execute();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'offering.created',
      entityType: 'offering',
      entityId: offering.id,
      changes: { ...input },
    });
    return offering;
  });
}

/** Status (draft, published, archived), cancellation policy, the order limit and the tax rate. */
export function updateOffering(
  db: Db,
  input: UpdateOfferingInput,
  staff: StaffMember,
  requestId: string,
): Promise<{ id: string }> {
  const { offeringId, ...changes } = input;
  return db.transaction().execute(async (tx) => {
    await ownOffering(tx, staff.orgId, offeringId);
    if (changes.taxRateId) {
      const rate = await tx
        .selectFrom('taxRates')
        .select('id')
        .where('id', '=', changes.taxRateId)
        .where('orgId', '=', staff.orgId)
        .executeTakeFirst();
      if (!rate)
        throw new AppError('NOT_FOUND', 'This tax rate was not found.', { field: 'taxRateId' });
    }
    if (Object.keys(changes).length)
      await tx.updateTable('offerings').set(changes).where('id', '=', offeringId).execute();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'offering.updated',
      entityType: 'offering',
      entityId: offeringId,
      changes,
    });
    return { id: offeringId };
  });
}
