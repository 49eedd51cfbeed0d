import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { BusyPeriod, OpeningRule, SlotSettings } from './slots';

/**
 * What slot generation needs from the database, shared by the listing (`availability.slots`)
 * and the claim (`claimSlot`), so both offer exactly the same times.
 */

export interface ResourceSchedule {
  resourceId: string;
  timeZone: string;
  rules: OpeningRule[];
}

export interface OfferingSchedule {
  offeringId: string;
  orgId: string;
  status: 'draft' | 'published' | 'archived';
  settings: SlotSettings;
  /** Zone of the org, for an offering that has no resource yet. */
  orgTimeZone: string;
  /** Active resources delivering the offering, in a stable order (oldest first). */
  resources: ResourceSchedule[];
}

export interface LoadScheduleOptions {
  offeringId: string;
  /** Scope to one org (staff and hold code); omitted for public reads by offering id. */
  orgId?: string | undefined;
  /** One resource, or every resource of the offering ("any"). */
  resourceId?: string | undefined;
  /** Instants the caller cares about: date overrides outside them are not loaded. */
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;
/** UTC calendar date; a day either side covers every zone's local date of an instant. */
const utcDate = (instant: Date, shiftDays: number) =>
  new Date(instant.getTime() + shiftDays * DAY_MS).toISOString().slice(0, 10);

export async function loadOfferingSchedule(
  db: Db,
  options: LoadScheduleOptions,
): Promise<OfferingSchedule> {
  let offeringQuery = db
    .selectFrom('offerings as o')
    .innerJoin('orgs', 'orgs.id', 'o.orgId')
    .select([
      'o.id',
      'o.orgId',
      'o.kind',
      'o.status',
      'o.slotMinutes',
      'o.bufferBeforeMinutes',
      'o.bufferAfterMinutes',
      'o.minNoticeMinutes',
      'o.horizonDays',
      'orgs.timeZone as orgTimeZone',
    ])
    .where('o.id', '=', options.offeringId);
  if (options.orgId !== undefined)
    offeringQuery = offeringQuery.where('o.orgId', '=', options.orgId);
  const offering = await offeringQuery.executeTakeFirst();
  if (!offering) throw new AppError('NOT_FOUND', 'This service was not found.');
  if (offering.kind !== 'appointment' || offering.slotMinutes === null) {
    throw new AppError(
      'VALIDATION',
      'This offering is not booked by time slot: choose one of its dates instead.',
    );
  }

  let resourceQuery = db
    .selectFrom('offeringResources as ofr')
    .innerJoin('resources as r', (join) =>
      join.onRef('r.orgId', '=', 'ofr.orgId').onRef('r.id', '=', 'ofr.resourceId'),
    )
    .select(['r.id', 'r.timeZone'])
    .where('ofr.offeringId', '=', offering.id)
    .where('r.active', '=', true)
    // The order "any resource" tries them in, for the listing and the claim alike.
    .orderBy('r.createdAt')
    .orderBy('r.id');
  if (options.resourceId !== undefined)
    resourceQuery = resourceQuery.where('r.id', '=', options.resourceId);
  const resources = await resourceQuery.execute();
  if (options.resourceId !== undefined && resources.length === 0) {
    throw new AppError('NOT_FOUND', 'This resource was not found for this service.');
  }

  const rules =
    resources.length === 0
      ? []
      : await db
          .selectFrom('availabilityRules')
          .select(['resourceId', 'weekday', 'onDate', 'opensAt', 'closesAt', 'closed'])
          .where(
            'resourceId',
            'in',
            resources.map((resource) => resource.id),
          )
          .where((eb) =>
            eb.or([
              eb('weekday', 'is not', null),
              eb.between('onDate', utcDate(options.from, -1), utcDate(options.to, 1)),
            ]),
          )
          .execute();

  return {
    offeringId: offering.id,
    orgId: offering.orgId,
    status: offering.status,
    orgTimeZone: offering.orgTimeZone,
    settings: {
      slotMinutes: offering.slotMinutes,
      bufferBeforeMinutes: offering.bufferBeforeMinutes,
      bufferAfterMinutes: offering.bufferAfterMinutes,
      minNoticeMinutes: offering.minNoticeMinutes,
      horizonDays: offering.horizonDays,
    },
    resources: resources.map((resource) => ({
      resourceId: resource.id,
      timeZone: resource.timeZone,
      rules: rules.filter((rule) => rule.resourceId === resource.id),
    })),
  };
}

/**
 * Live reservations of the resources that could conflict with a slot starting in
 * [from, to): a slot occupies [start - bufferBefore, start + slot + bufferAfter). A held
 * row past its held_until is left out: the next claim reclaims it (invariant 2).
 */
export async function loadBusyPeriods(
  db: Db,
  options: {
    resourceIds: readonly string[];
    settings: SlotSettings;
    from: Date;
    to: Date;
    now: Date;
  },
): Promise<Map<string, BusyPeriod[]>> {
  const busy = new Map<string, BusyPeriod[]>(options.resourceIds.map((id) => [id, []]));
  if (options.resourceIds.length === 0) return busy;
  const { settings } = options;
  const lowest = new Date(options.from.getTime() - settings.bufferBeforeMinutes * 60_000);
  const highest = new Date(
    options.to.getTime() + (settings.slotMinutes + settings.bufferAfterMinutes) * 60_000,
  );
  const rows = await db
    .selectFrom('slotReservations')
    .select([
      'resourceId',
      sql<Date>`lower(period)`.as('start'),
      sql<Date>`upper(period)`.as('end'),
    ])
    .where(sql<boolean>`resource_id = ANY(${sql.val(options.resourceIds)}::uuid[])`)
    .where('releasedAt', 'is', null)
    .where((eb) => eb.not(eb.and([eb('bookingId', 'is', null), eb('heldUntil', '<', options.now)])))
    .where(sql<boolean>`period && tstzrange(${lowest}, ${highest})`)
    .execute();
  for (const row of rows) busy.get(row.resourceId)?.push({ start: row.start, end: row.end });
  return busy;
}
