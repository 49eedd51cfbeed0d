import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { InventoryEvents } from '../events/inventory';
import { releaseInventoryOfHold } from '../inventory/release';
import { enqueueOutbox } from '../shared/outbox';

/** The customer gives the inventory back before the hold runs out. Releasing twice is a no-op. */
export async function releaseHold(db: Db, holdId: string, deps: { events: InventoryEvents }): Promise<void> {
  const released = await db.transaction().execute(async (tx) => {
    const hold = await tx
      .updateTable('holds')
      .set({ status: 'released', endedAt: new Date() })
      .where('id', '=', holdId)
      .where('status', '=', 'active')
      .returning(['id', 'orgId', 'occurrenceId'])
      .executeTakeFirst();
    if (!hold) {
      const exists = await tx.selectFrom('holds').select('status').where('id', '=', holdId).executeTakeFirst();
      if (!exists) throw new AppError('NOT_FOUND', 'This hold was not found.');
      if (exists.status === 'converted') throw new AppError('CONFLICT', 'This hold has already been booked.');
      return null;
    }
    await releaseInventoryOfHold(tx, hold.id);
    await enqueueOutbox(tx, [
      { orgId: hold.orgId, aggregateType: 'hold', aggregateId: hold.id, eventType: 'inventory.released', payload: { holdId: hold.id, occurrenceId: hold.occurrenceId } },
    ]);
    return hold;
  });
  if (released) deps.events.changed({ orgId: released.orgId, occurrenceId: released.occurrenceId ?? undefined });
}
