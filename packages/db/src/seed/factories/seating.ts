import { generateSeats, mapBounds, type SeatSectionSpec } from '../../seat-geometry';
import {
  chunk,
  uniqueToken,
  type DbOrTx,
  type OrgRow,
  type SeatMapRow,
  type SeatRow,
  type VenueRow,
} from './types';

export {
  generateSeats,
  letterLabel,
  type SeatPosition,
  type SeatSectionSpec,
} from '../../seat-geometry';

export interface CreateSeatMapOptions {
  org: Pick<OrgRow, 'id'>;
  venue?: Pick<VenueRow, 'id'> | null;
  name?: string;
  sections: readonly SeatSectionSpec[];
}

/** A seat map and all its seats, inserted in a few multi-row statements. */
export async function createSeatMap(
  db: DbOrTx,
  options: CreateSeatMapOptions,
): Promise<{ seatMap: SeatMapRow; seats: SeatRow[] }> {
  const generated = generateSeats(options.sections);
  if (generated.length === 0) throw new Error('A seat map needs at least one seat');
  const { width, height } = mapBounds(generated);
  const seatMap = await db
    .insertInto('seatMaps')
    .values({
      orgId: options.org.id,
      venueId: options.venue?.id ?? null,
      name: options.name ?? `Seat map ${uniqueToken()}`,
      width,
      height,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const seats: SeatRow[] = [];
  for (const rows of chunk(generated)) {
    const inserted = await db
      .insertInto('seats')
      .values(rows.map((seat) => ({ ...seat, orgId: seatMap.orgId, seatMapId: seatMap.id })))
      .returningAll()
      .execute();
    seats.push(...inserted);
  }
  return { seatMap, seats };
}
