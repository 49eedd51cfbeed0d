import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError, notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import type { InventoryEvents } from '../events/inventory';
import { releaseInventoryOfHold } from '../inventory/release';
import { auditCatalogChange } from './audit';

/**
 * Takes one date off sale for good. A date with live bookings is refused: their customers
 * must be moved or cancelled (and refunded) first, one by one from the booking desk, so
 * nobody holds a ticket for a date that will not happen. Open holds are released.
 */
export async function cancelOccurrence(
  db: Db,
  occurrenceId: string,
  staff: StaffMember,
  deps: { events: InventoryEvents; requestId: string },
): Promise<{ releasedHolds: number }> {
  const result = await db.transaction().execute(async (tx) => {
    const occurrence = await tx
      .selectFrom('occurrences')
      .select(['id', 'offeringId', 'status', 'startsAt'])
      .where('id', '=', occurrenceId)
      .where('orgId', '=', staff.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!occurrence) throw notFound('This date');
    if (occurrence.status !== 'scheduled')
      throw new AppError('CONFLICT', `This date is already ${occurrence.status}.`);
    // Checkout locks the hold, not the date: holds end first, so no booking appears meanwhile.
    const holds = await tx
      .updateTable('holds')
      .set({ status: 'released', endedAt: sql<Date>`now()` })
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '=', 'active')
      .returning('id')
      .execute();
    for (const hold of holds) await releaseInventoryOfHold(tx, hold.id);
    const live = await tx
      .selectFrom('bookings')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('occurrenceId', '=', occurrence.id)
      .where('status', 'in', ['confirmed', 'pending_payment'])
      .executeTakeFirstOrThrow();
    const bookings = Number(live.count);
    if (bookings > 0)
      throw new AppError(
        'CONFLICT',
        `This date has ${bookings} live booking${bookings === 1 ? '' : 's'}: move or cancel ${bookings === 1 ? 'it' : 'them'} first, then cancel the date.`,
        { bookings },
      );
    await tx
      .updateTable('occurrences')
      .set({ status: 'cancelled' })
      .where('id', '=', occurrence.id)
      .execute();
    await auditCatalogChange(tx, staff, deps.requestId, {
      action: 'occurrence.cancelled',
      entityType: 'occurrence',
      entityId: occurrence.id,
      changes: {
        status: { from: 'scheduled', to: 'cancelled' },
        offeringId: occurrence.offeringId,
        startsAt: occurrence.startsAt.toISOString(),
        releasedHolds: holds.length,
      },
    });
    return { releasedHolds: holds.length };
  });
  deps.events.changed({ orgId: staff.orgId, occurrenceId });
  return result;
}
