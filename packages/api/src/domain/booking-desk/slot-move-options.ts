import type { Db } from '@tessera/db';
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { listSlots } from '../availability/slots-listing';
import { localDateOf, localInstant } from '../availability/slots';
import type { SlotMoveOptions } from './schemas';

/**
 * What an appointment's move can choose from: the service's resources and the free start
 * times of one resource on one day (the move itself claims, and may still find one taken).
 */
export async function slotMoveOptions(
  db: Db,
  request: { reference: string; day?: string; resourceId?: string },
  staff: StaffMember,
  now = new Date(),
): Promise<SlotMoveOptions> {
  const booked = await db
    .selectFrom('bookingItems as bi')
    .innerJoin('bookings as b', 'b.id', 'bi.bookingId')
    .select(['b.offeringId', 'bi.description', 'bi.resourceId', 'bi.startsAt'])
    .where('b.reference', '=', request.reference)
    .where('b.orgId', '=', staff.orgId)
    .where('bi.kind', '=', 'slot')
    .where('bi.status', '=', 'live')
    .executeTakeFirst();
  if (!booked?.resourceId || !booked.startsAt)
    throw new AppError('NOT_FOUND', 'No appointment of your organisation has this reference.');
  const resources = await db
    .selectFrom('offeringResources as ofr')
    .innerJoin('resources as r', (join) =>
      join.onRef('r.orgId', '=', 'ofr.orgId').onRef('r.id', '=', 'ofr.resourceId'),
    )
    .select(['r.id as resourceId', 'r.name', 'r.timeZone'])
    .where('ofr.offeringId', '=', booked.offeringId)
    .orderBy('r.name')
    .execute();
  const resourceId = request.resourceId ?? booked.resourceId;
  const resource = resources.find((candidate) => candidate.resourceId === resourceId);
  if (!resource) throw new AppError('NOT_FOUND', 'This service has no such resource.');
  const day = request.day
    ? Temporal.PlainDate.from(request.day)
    : localDateOf(booked.startsAt, resource.timeZone);
  const from = localInstant(day, '00:00', resource.timeZone);
  const { timeZone, slots } = await listSlots(
    db,
    {
      offeringId: booked.offeringId,
      resourceId,
      from,
      to: localInstant(day, '24:00', resource.timeZone),
    },
    now,
  );
  return {
    timeZone,
    booked: {
      description: booked.description,
      resourceId: booked.resourceId,
      startsAt: booked.startsAt,
    },
    resources: resources.map(({ resourceId: id, name }) => ({ resourceId: id, name })),
    resourceId,
    day: day.toString(),
    freeStarts: slots.map((slot) => slot.start),
  };
}
