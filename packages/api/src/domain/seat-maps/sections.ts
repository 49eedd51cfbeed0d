import { generateSeats, letterLabel, MAP_MARGIN, SECTION_GAP, type Db } from '@tessera/db';
import { AppError, notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import { auditCatalogChange } from '../catalog-admin/audit';
import { lockSeatMap, resizeSeatMap } from './maps';
import {
  announceChanges,
  recountCapacity,
  removeSeats,
  stockNewSeats,
  type SeatMapDeps,
} from './occurrence-sync';
import type { AddSectionInput, RemoveSectionInput, SeatMapChange } from './schemas';

/** Row labels from the first one: letters (A, B, ... Z, AA) or numbers (1, 2, ...). */
export function rowLabeller(firstRow: string): (rowIndex: number) => string {
  const asNumber = Number(firstRow);
  if (Number.isInteger(asNumber)) return (rowIndex) => String(asNumber + rowIndex);
  const start = firstRow.charCodeAt(0) - 65;
  return (rowIndex) => letterLabel(start + rowIndex);
}

/**
 * Generates a section below the map's seats and puts its seats on sale on the map's dates
 * to come, in one transaction. A section name is unique on its map.
 */
export async function addSection(
  db: Db,
  input: AddSectionInput,
  staff: StaffMember,
  { requestId, events }: SeatMapDeps,
): Promise<SeatMapChange> {
  const change = await db.transaction().execute(async (tx) => {
    const map = await lockSeatMap(tx, staff.orgId, input.seatMapId);
    const existing = await tx
      .selectFrom('seats')
      .select((eb) => [eb.fn.max('y').as('bottom'), eb.fn.countAll<number>().as('count')])
      .where('seatMapId', '=', map.id)
      .executeTakeFirstOrThrow();
    const taken = await tx
      .selectFrom('seats')
      .select('id')
      .where('seatMapId', '=', map.id)
      .where('section', '=', input.name)
      .limit(1)
      .executeTakeFirst();
    if (taken)
      throw new AppError('CONFLICT', `This map already has a section named "${input.name}".`);
    const top = Number(existing.count) ? Number(existing.bottom) + SECTION_GAP : MAP_MARGIN;
    const rowLabel = rowLabeller(input.firstRow);
    const generated = generateSeats([
      {
        name: input.name,
        rows: input.rows,
        seatsPerRow: input.seatsPerRow,
        rowLabel,
        numbering: input.numbering,
        aisleAfter: input.aisleAfter.map((seatNumber) => seatNumber - 1),
        shape:
          input.shape === 'curved'
            ? { kind: 'curved', arcDegrees: input.arcDegrees }
            : { kind: input.shape },
        origin: { x: MAP_MARGIN, y: top },
        // The last range naming a row wins, as the form lists them.
        category: ({ rowIndex }) =>
          input.rowCategories.findLast(
            (range) => rowIndex + 1 >= range.fromRow && rowIndex + 1 <= range.toRow,
          )?.category ?? input.category,
      },
    ]);
    const inserted = await tx
      .insertInto('seats')
      .values(generated.map((seat) => ({ ...seat, orgId: staff.orgId, seatMapId: map.id })))
      .returning('id')
      .execute();
    const seatIds = inserted.map((seat) => seat.id);
    await stockNewSeats(tx, map.id, seatIds);
    const occurrenceIds = await recountCapacity(tx, map.id);
    await resizeSeatMap(tx, map.id);
    await auditCatalogChange(tx, staff, requestId, {
      action: 'seat_map.section_added',
      entityType: 'seat_map',
      entityId: map.id,
      changes: { ...input, seats: seatIds.length, occurrencesUpdated: occurrenceIds.length },
    });
    return { seats: seatIds.length, occurrenceIds };
  });
  announceChanges(events, staff.orgId, change.occurrenceIds);
  return { seats: change.seats, occurrencesUpdated: change.occurrenceIds.length };
}

/** Removes a section's seats everywhere, unless a customer has one of them (then nothing). */
export async function removeSection(
  db: Db,
  input: RemoveSectionInput,
  staff: StaffMember,
  { requestId, events }: SeatMapDeps,
): Promise<SeatMapChange> {
  const change = await db.transaction().execute(async (tx) => {
    const map = await lockSeatMap(tx, staff.orgId, input.seatMapId);
    const seats = await tx
      .selectFrom('seats')
      .select('id')
      .where('seatMapId', '=', map.id)
      .where('section', '=', input.section)
      .execute();
    if (!seats.length) throw notFound(`The section "${input.section}"`);
    await removeSeats(
      tx,
      seats.map((seat) => seat.id),
      `The section "${input.section}"`,
    );
    const occurrenceIds = await recountCapacity(tx, map.id);
    await resizeSeatMap(tx, map.id);
    await auditCatalogChange(tx, staff, requestId, {
      action: 'seat_map.section_removed',
      entityType: 'seat_map',
      entityId: map.id,
      changes: {
        section: input.section,
        seats: seats.length,
        occurrencesUpdated: occurrenceIds.length,
      },
    });
    return { seats: seats.length, occurrenceIds };
  });
  announceChanges(events, staff.orgId, change.occurrenceIds);
  return { seats: change.seats, occurrencesUpdated: change.occurrenceIds.length };
}
