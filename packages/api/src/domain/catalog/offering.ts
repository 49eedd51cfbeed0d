import { offeringTimeZone } from '../shared/time-zone';
import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import { OfferingDetailInput, type OfferingDetail } from './offering-schemas';

export const offeringNotFound = () => new AppError('NOT_FOUND', 'This offering was not found.');

/**
 * One published offering by slug, with what a booking page needs. Slugs are unique per org
 * only: without `orgSlug` the oldest offering with the slug wins, so an established link
 * never starts pointing elsewhere when another org reuses the slug later.
 */
export async function offeringDetail(
  db: Db,
  rawInput: OfferingDetailInput,
): Promise<OfferingDetail> {
  const input = OfferingDetailInput.parse(rawInput);
  let query = db
    .selectFrom('offerings as o')
    .innerJoin('orgs', 'orgs.id', 'o.orgId')
    .leftJoin('venues as v', 'v.id', 'o.venueId')
    .select([
      'o.id',
      'o.slug',
      'o.name',
      'o.kind',
      'o.description',
      'o.imageUrl',
      'o.currency',
      'o.cancellationCutoffHours',
      'o.maxPerOrder',
      'o.attendeeFields',
      'o.slotMinutes',
      'o.bufferBeforeMinutes',
      'o.bufferAfterMinutes',
      'o.minNoticeMinutes',
      'o.horizonDays',
      'orgs.slug as orgSlug',
      'orgs.name as orgName',
      'v.name as venueName',
      'v.addressLine as venueAddressLine',
      'v.city as venueCity',
      'v.country as venueCountry',
      'v.timeZone as venueTimeZone',
      offeringTimeZone({ offering: 'o', venue: 'v', org: 'orgs' }).as('timeZone'),
    ])
    .where('o.slug', '=', input.slug)
    .where('o.status', '=', 'published')
    .orderBy('o.createdAt')
    .orderBy('o.id')
    .limit(1);
  if (input.orgSlug) query = query.where('orgs.slug', '=', input.orgSlug);
  const offering = await query.executeTakeFirst();
  if (!offering) throw offeringNotFound();

  const [ticketTypes, addOns, stops, resources] = await Promise.all([
    db
      .selectFrom('ticketTypes')
      .select([
        'id',
        'name',
        'description',
        'priceAmount',
        'currency',
        'minPerOrder',
        'maxPerOrder',
        'seatCategory',
      ])
      .where('offeringId', '=', offering.id)
      .where('active', '=', true)
      .orderBy('sortOrder')
      .orderBy('priceAmount')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('addOns')
      .select(['id', 'name', 'description', 'priceAmount', 'currency', 'perItem', 'maxPerOrder'])
      .where('offeringId', '=', offering.id)
      .where('active', '=', true)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    offering.kind === 'trip'
      ? db
          .selectFrom('tripStops')
          .select([
            'id',
            'position',
            'name',
            'city',
            'timeZone',
            'arrivalOffsetMinutes',
            'departureOffsetMinutes',
          ])
          .where('offeringId', '=', offering.id)
          .orderBy('position')
          .execute()
      : [],
    offering.kind === 'appointment'
      ? db
          .selectFrom('offeringResources as ofr')
          .innerJoin('resources as r', 'r.id', 'ofr.resourceId')
          .select(['r.id', 'r.name', 'r.kind', 'r.timeZone'])
          .where('ofr.offeringId', '=', offering.id)
          .where('r.active', '=', true)
          .orderBy('r.name')
          .orderBy('r.id')
          .execute()
      : [],
  ]);

  return {
    id: offering.id,
    slug: offering.slug,
    name: offering.name,
    kind: offering.kind,
    description: offering.description,
    imageUrl: offering.imageUrl,
    currency: offering.currency,
    org: { slug: offering.orgSlug, name: offering.orgName },
    venue:
      offering.venueName !== null && offering.venueTimeZone !== null
        ? {
            name: offering.venueName,
            addressLine: offering.venueAddressLine,
            city: offering.venueCity,
            country: offering.venueCountry,
            timeZone: offering.venueTimeZone,
          }
        : null,
    timeZone: offering.timeZone,
    cancellationPolicy:
      offering.cancellationCutoffHours === null
        ? null
        : { cutoffHours: offering.cancellationCutoffHours },
    maxPerOrder: offering.maxPerOrder,
    attendeeFields: offering.attendeeFields,
    ticketTypes: ticketTypes.map(({ priceAmount, currency, ...type }) => ({
      ...type,
      price: { amount: priceAmount, currency },
    })),
    addOns: addOns.map(({ priceAmount, currency, ...addOn }) => ({
      ...addOn,
      price: { amount: priceAmount, currency },
    })),
    stops,
    resources,
    slotSettings:
      offering.kind === 'appointment' && offering.slotMinutes !== null
        ? {
            slotMinutes: offering.slotMinutes,
            bufferBeforeMinutes: offering.bufferBeforeMinutes,
            bufferAfterMinutes: offering.bufferAfterMinutes,
            minNoticeMinutes: offering.minNoticeMinutes,
            horizonDays: offering.horizonDays,
          }
        : null,
  };
}
