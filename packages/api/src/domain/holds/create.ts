import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { InventoryEvents } from '../events/inventory';
import { idempotent, type Tx } from '../shared/idempotency';
import { createOccurrenceHoldInOneStatement, fitsOneStatement } from './create-in-one-statement';
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
  const { maxLiveHoldsPerClient: cap } = deps.policy;
  // Without a key to store the answer under, a common hold is one statement after the context
  // read (see create-in-one-statement.ts): 2 round trips instead of 6, 3 with the cap's count.
  // The count stands alone there; in the transaction it was a READ COMMITTED statement too, so
  // concurrent creates could pass it alike either way.
  if (!idempotencyKey && 'occurrenceId' in input && fitsOneStatement(input)) {
    await checkLiveHolds(db, requester, cap);
    const created = await createOccurrenceHoldInOneStatement(db, input, requester, now);
    if (created) {
      deps.events.changed(created);
      return created.view;
    }
  }
  let change: { orgId: string; occurrenceId?: string; resourceId?: string } | undefined;
  const view = await idempotent(
    db,
    { scope: `holds.create:${requester.clientKey}`, key: idempotencyKey, request },
    async (tx) => {
      await checkLiveHolds(tx, requester, cap);
      const created =
        'occurrenceId' in input
          ? await createOccurrenceHold(tx, input, requester, now)
          : await createSlotHold(tx, input, requester, now);
      change = created;
      // The occurrence path builds its view from what it wrote; the slot path still reads it back.
      return 'view' in created ? created.view : holdView(tx, created.holdId);
    },
  );
  if (change) deps.events.changed(change);
  return view;
}

/** The anti-hoarding cap: live holds of this client (0 turns it off). */
async function checkLiveHolds(db: Db | Tx, requester: HoldRequester, cap: number) {
  if (cap > 0 && (await countLiveHolds(db, requester.clientKey)) >= cap) {
    throw new AppError(
      'LIMIT_EXCEEDED',
      `You already have ${cap} bookings in progress. Finish or release one before starting another.`,
      { maxLiveHolds: cap },
    );
  }
}
