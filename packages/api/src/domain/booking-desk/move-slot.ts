import { sql } from 'kysely';
import { AppError } from '../../errors';
import { describeItem } from '../holds/store';
import { claimSlot } from '../inventory/slots';
import type { Tx } from '../shared/idempotency';
import {
  NO_CHANGE,
  refuseAdmitted,
  reissueTickets,
  type BookingToMove,
  type MovedPlaces,
} from './move-items';
import type { SlotMoveInput } from './schemas';

/**
 * An appointment to another start, on its resource or another of the service: the new slot
 * is claimed by the engine's slot claim (SLOT_TAKEN, and the transaction rolls back, if the
 * exclusion constraint refuses it). A service has one price whatever the time, so the
 * booking keeps its price: nothing to settle.
 */
export async function moveSlot(
  tx: Tx,
  booking: BookingToMove,
  input: SlotMoveInput,
  now: Date,
): Promise<MovedPlaces> {
  const item = await tx
    .selectFrom('bookingItems')
    .select(['id', 'resourceId', 'startsAt', 'endsAt'])
    .where('bookingId', '=', booking.id)
    .where('kind', '=', 'slot')
    .where('status', '=', 'live')
    .orderBy('position')
    .executeTakeFirst();
  if (!item?.resourceId || !item.startsAt)
    throw new AppError('VALIDATION', 'This booking has no appointment to move.');
  const resourceId = input.resourceId ?? item.resourceId;
  if (resourceId === item.resourceId && input.start.getTime() === item.startsAt.getTime())
    throw new AppError('VALIDATION', 'Choose another time, or another resource.');
  await refuseAdmitted(tx, [item.id]);

  // Its own slot gives way first: a move to an overlapping time of the same resource must
  // not collide with itself in the exclusion constraint.
  await tx
    .updateTable('slotReservations')
    .set({ releasedAt: sql<Date>`now()` })
    .where('resourceId', '=', item.resourceId)
    .where('startsAt', '=', item.startsAt)
    .where('releasedAt', 'is', null)
    .where((eb) =>
      eb.or([
        eb('bookingId', '=', booking.id),
        eb.and([eb('holdId', '=', booking.holdId), eb('bookingId', 'is', null)]),
      ]),
    )
    .execute();
  const slot = await claimSlot(tx, {
    orgId: booking.orgId,
    offeringId: booking.offeringId,
    resourceId,
    start: input.start,
    holdId: booking.holdId,
    heldUntil: booking.heldUntil,
    now,
  });
  const resource = await tx
    .selectFrom('resources')
    .select('name')
    .where('id', '=', slot.resourceId)
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('bookingItems')
    .set({
      resourceId: slot.resourceId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      description: describeItem({
        kind: 'slot',
        section: null,
        rowLabel: null,
        number: null,
        ticketTypeName: null,
        addOnName: null,
        resourceName: resource.name,
      }),
    })
    .where('id', '=', item.id)
    .execute();
  await reissueTickets(tx, { orgId: booking.orgId, bookingItemId: item.id, occurrenceId: null });
  await tx
    .updateTable('holdItems')
    .set({ resourceId: slot.resourceId, startsAt: slot.startsAt, endsAt: slot.endsAt })
    .where('holdId', '=', booking.holdId)
    .where('kind', '=', 'slot')
    .where('startsAt', '=', item.startsAt)
    .execute();
  return {
    fromOccurrenceId: null,
    toOccurrenceId: null,
    totals: NO_CHANGE,
    changes: [
      {
        bookingItemId: item.id,
        from: { resourceId: item.resourceId, startsAt: item.startsAt },
        to: { resourceId: slot.resourceId, startsAt: slot.startsAt },
      },
    ],
  };
}
