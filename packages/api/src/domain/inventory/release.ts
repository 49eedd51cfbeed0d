import type { Tx } from '../shared/idempotency';
import { releaseSlotsOfHold } from './slots';

/** Frees everything a hold still holds (seats, units, slots); sold rows are untouched. */
export async function releaseInventoryOfHold(tx: Tx, holdId: string): Promise<void> {
  await tx
    .updateTable('occurrenceSeats')
    .set({ status: 'free', holdId: null, heldUntil: null, updatedAt: new Date() })
    .where('holdId', '=', holdId)
    .where('status', '=', 'held')
    .execute();
  await tx
    .updateTable('ticketUnits')
    .set({ status: 'free', holdId: null, heldUntil: null, updatedAt: new Date() })
    .where('holdId', '=', holdId)
    .where('status', '=', 'held')
    .execute();
  await releaseSlotsOfHold(tx, holdId);
}
