import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { auditCatalogChange } from '../catalog-admin/audit';
import { lockSeatMap } from './maps';
import {
  announceChanges,
  applyBlocking,
  recountCapacity,
  type SeatMapDeps,
} from './occurrence-sync';
import type { EditSeatsInput, SeatMapChange } from './schemas';

/**
 * One change (category, accessible, blocked) to the chosen seats of a map, carried to the
 * dates to come in the same transaction. Every id must be a seat of this map.
 */
export async function editSeats(
  db: Db,
  input: EditSeatsInput,
  staff: StaffMember,
  { requestId, events }: SeatMapDeps,
): Promise<SeatMapChange> {
  const change = await db.transaction().execute(async (tx) => {
    const map = await lockSeatMap(tx, staff.orgId, input.seatMapId);
    const seatIds = [...new Set(input.seatIds)];
    const updated = await tx
      .updateTable('seats')
      .set({
        ...(input.category !== undefined && { category: input.category }),
        ...(input.accessible !== undefined && { accessible: input.accessible }),
        ...(input.blocked !== undefined && { blocked: input.blocked }),
      })
      .where('seatMapId', '=', map.id)
      .where('orgId', '=', staff.orgId)
      .where('id', 'in', seatIds)
      .returning('id')
      .execute();
    // Any id not on this map (another map's, another org's) refuses the whole change.
    if (updated.length !== seatIds.length)
      throw new AppError(
        'NOT_FOUND',
        `${seatIds.length - updated.length} of the chosen seats are not on this map.`,
      );
    if (input.blocked !== undefined) await applyBlocking(tx, map.id, seatIds);
    // Every date to come shows the change (a category is a price), blocked or not.
    const occurrenceIds = await recountCapacity(tx, map.id);
    await auditCatalogChange(tx, staff, requestId, {
      action: 'seat_map.seats_edited',
      entityType: 'seat_map',
      entityId: map.id,
      changes: {
        category: input.category,
        accessible: input.accessible,
        blocked: input.blocked,
        seatIds,
        occurrencesUpdated: occurrenceIds.length,
      },
    });
    return { seats: updated.length, occurrenceIds };
  });
  announceChanges(events, staff.orgId, change.occurrenceIds);
  return { seats: change.seats, occurrencesUpdated: change.occurrenceIds.length };
}
