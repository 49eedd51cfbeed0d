import { AppError } from '../../errors';
import { createOccurrenceHold } from '../holds/create-occurrence-hold';
import { createSlotHold } from '../holds/create-slot-hold';
import type { HoldRequester } from '../holds/store';
import type { Tx } from '../shared/idempotency';
import type { SaleInventory } from './schemas';

/**
 * Holds what staff sell for `orgId` with the engine's own claims, in the caller's
 * transaction. A date or service of another org is "not found", like one that does not exist.
 */
export async function holdInventoryOfOrg(
  tx: Tx,
  orgId: string,
  inventory: SaleInventory,
  requester: HoldRequester,
  now: Date,
): Promise<{ holdId: string; occurrenceId?: string; resourceId?: string }> {
  if ('occurrenceId' in inventory) {
    const occurrence = await tx
      .selectFrom('occurrences')
      .select('id')
      .where('id', '=', inventory.occurrenceId)
      .where('orgId', '=', orgId)
      .executeTakeFirst();
    if (!occurrence) throw new AppError('NOT_FOUND', 'No date of your organisation has this id.');
    const { holdId, occurrenceId } = await createOccurrenceHold(tx, inventory, requester, now);
    return { holdId, occurrenceId };
  }
  const offering = await tx
    .selectFrom('offerings')
    .select('id')
    .where('id', '=', inventory.offeringId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  if (!offering) throw new AppError('NOT_FOUND', 'No service of your organisation has this id.');
  const { holdId, resourceId } = await createSlotHold(tx, inventory, requester, now);
  return { holdId, resourceId };
}
