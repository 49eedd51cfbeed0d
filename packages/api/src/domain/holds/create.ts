import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { InventoryEvents } from '../events/inventory';
import { idempotent } from '../shared/idempotency';
import { createOccurrenceHold } from './create-occurrence-hold';
import { createSlotHold } from './create-slot-hold';
import type { CreateHoldInput, HoldView } from './schemas';
import { countLiveHolds, holdView, type HoldRequester } from './store';

export interface HoldPolicy {
  /** Live holds one client may have at once; 0 turns the cap off (load tests). */
  maxLiveHoldsPerClient: number;
}

/**
 * Sets inventory aside for a few minutes while the customer checks out. Retries with the
 * same idempotency key get the first answer; the change is announced after commit.
 */
export async function createHold(
  db: Db,
  input: CreateHoldInput,
  requester: HoldRequester,
  deps: { events: InventoryEvents; policy: HoldPolicy },
  now = new Date(),
): Promise<HoldView> {
  const { idempotencyKey, ...request } = input;
  let change: { orgId: string; occurrenceId?: string; resourceId?: string } | undefined;
  const view = await idempotent(db, { scope: `holds.create:${requester.clientKey}`, key: idempotencyKey, request }, async (tx) => {
    const { maxLiveHoldsPerClient: cap } = deps.policy;
    if (cap > 0 && (await countLiveHolds(tx, requester.clientKey)) >= cap) {
      throw new AppError(
        'LIMIT_EXCEEDED',
        `You already have ${cap} bookings in progress. Finish or release one before starting another.`,
        { maxLiveHolds: cap },
      );
    }
    const created = 'occurrenceId' in input ? await createOccurrenceHold(tx, input, requester, now) : await createSlotHold(tx, input, requester, now);
    change = created;
    // The occurrence path builds its view from what it wrote; the slot path still reads it back.
    return 'view' in created ? created.view : holdView(tx, created.holdId);
  });
  if (change) deps.events.changed(change);
  return view;
}
