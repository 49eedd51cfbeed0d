import { chunk, uniqueToken, type DbOrTx, type OrgRow, type SeatMapRow, type SeatRow, type VenueRow } from './types';

/** Where a generated seat sits in its section, for the predicates below. */
export interface SeatPosition {
  section: string;
  /** 0-based indexes inside the section. */
  rowIndex: number;
  seatIndex: number;
  rowLabel: string;
  number: string;
}

export interface SeatSectionSpec {
  name: string;
  rows: number;
  /** Seats in every row, or per row (a coach's rear bench has more or fewer). */
  seatsPerRow: number | ((rowIndex: number) => number);
  /** Row labels; default A, B, ..., Z, AA, AB, ... */
  rowLabel?: (rowIndex: number) => string;
  /** Seat labels; default 1, 2, 3, ... */
  seatLabel?: (rowIndex: number, seatIndex: number) => string;
  /** Price category of each seat (matched by ticket_types.seat_category). */
  category: string | ((seat: SeatPosition) => string);
  accessible?: (seat: SeatPosition) => boolean;
  blocked?: (seat: SeatPosition) => boolean;
  /** Top-left corner of the section on the map; default: below the previous section. */
  origin?: { x: number; y: number };
  /** Extra gap after these seat indexes (aisles). */
  aisleAfter?: readonly number[];
  /** Column of a seat on the grid, aisles included; default: after its neighbours and aisles. */
  column?: (rowIndex: number, seatIndex: number) => number;
}

/** Distance between seat centres, in map units. */
const SEAT_PITCH = 10;
const SECTION_GAP = 30;
const MARGIN = 20;

export function letterLabel(index: number): string {
  let label = '';
  let rest = index;
  do {
    label = String.fromCharCode(65 + (rest % 26)) + label;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return label;
}

type SeatInsert = Omit<SeatRow, 'id' | 'orgId' | 'seatMapId'>;

/** Lays the sections out top to bottom and returns the seats with x/y, without inserting. */
export function generateSeats(sections: readonly SeatSectionSpec[]): SeatInsert[] {
  const seats: SeatInsert[] = [];
  let nextTop = MARGIN;
  for (const section of sections) {
    const origin = section.origin ?? { x: MARGIN, y: nextTop };
    const rowLabel = section.rowLabel ?? letterLabel;
    const seatLabel = section.seatLabel ?? ((_row: number, seatIndex: number) => String(seatIndex + 1));
    const aisles = section.aisleAfter ?? [];
    for (let rowIndex = 0; rowIndex < section.rows; rowIndex += 1) {
      const count = typeof section.seatsPerRow === 'number' ? section.seatsPerRow : section.seatsPerRow(rowIndex);
      for (let seatIndex = 0; seatIndex < count; seatIndex += 1) {
        const position: SeatPosition = {
          section: section.name,
          rowIndex,
          seatIndex,
          rowLabel: rowLabel(rowIndex),
          number: seatLabel(rowIndex, seatIndex),
        };
        const column = section.column?.(rowIndex, seatIndex) ?? seatIndex + aisles.filter((after) => seatIndex > after).length;
        seats.push({
          section: section.name,
          rowLabel: position.rowLabel,
          number: position.number,
          x: origin.x + column * SEAT_PITCH,
          y: origin.y + rowIndex * SEAT_PITCH,
          category: typeof section.category === 'string' ? section.category : section.category(position),
          accessible: section.accessible?.(position) ?? false,
          blocked: section.blocked?.(position) ?? false,
        });
      }
    }
    nextTop = origin.y + section.rows * SEAT_PITCH + SECTION_GAP;
  }
  return seats;
}

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
  const width = Math.ceil(Math.max(...generated.map((seat) => seat.x)) + MARGIN);
  const height = Math.ceil(Math.max(...generated.map((seat) => seat.y)) + MARGIN);
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
