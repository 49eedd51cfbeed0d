import { AppError } from '../../errors';
import { claimSlot } from '../inventory/slots';
import type { Tx } from '../shared/idempotency';
import type { SlotHoldInput } from './schemas';
import { insertHold, saveHoldItems, type HoldRequester } from './store';

/** One time slot of an appointment offering, on the chosen resource or the first one free. */
export async function createSlotHold(
  tx: Tx,
  input: SlotHoldInput,
  requester: HoldRequester,
  now: Date,
) {
  const offering = await tx
    .selectFrom('offerings as o')
    .innerJoin('orgs', 'orgs.id', 'o.orgId')
    .select([
      'o.id',
      'o.orgId',
      'o.kind',
      'o.status',
      'o.currency',
      'o.holdMinutes',
      'orgs.holdMinutes as orgHoldMinutes',
    ])
    .where('o.id', '=', input.offeringId)
    .executeTakeFirst();
  if (!offering || offering.status !== 'published')
    throw new AppError('NOT_FOUND', 'This service was not found.');
  if (offering.kind !== 'appointment')
    throw new AppError('VALIDATION', 'This offering is not booked by time slot.');
  const price = await tx
    .selectFrom('ticketTypes')
    .select(['id', 'priceAmount'])
    .where('offeringId', '=', offering.id)
    .where('active', '=', true)
    .orderBy('sortOrder')
    .orderBy('priceAmount')
    .executeTakeFirst();
  if (!price) throw new AppError('SALES_CLOSED', 'This service has no price set yet.');

  const hold = await insertHold(tx, {
    orgId: offering.orgId,
    offeringId: offering.id,
    occurrenceId: null,
    holdMinutes: offering.holdMinutes ?? offering.orgHoldMinutes,
    currency: offering.currency,
    requester,
  });
  const slot = await claimSlot(tx, {
    orgId: offering.orgId,
    offeringId: offering.id,
    resourceId: input.resourceId,
    start: input.start,
    holdId: hold.id,
    heldUntil: hold.expiresAt,
    now,
  });
  await saveHoldItems(tx, { id: hold.id, orgId: offering.orgId, currency: offering.currency }, [
    {
      kind: 'slot',
      ticketTypeId: price.id,
      resourceId: slot.resourceId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      quantity: 1,
      unitAmount: price.priceAmount,
    },
  ]);
  return { holdId: hold.id, orgId: offering.orgId, resourceId: slot.resourceId };
}
