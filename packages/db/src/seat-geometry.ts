/**
 * Where generated seats sit on a seat map: the one layout used by the demo seed, test
 * factories and the console's section generator. Pure: no database.
 */

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
  /** Seat 1 on the left (default) or on the right, as seen from the stage. */
  numbering?: 'left-to-right' | 'right-to-left';
  /**
   * Straight rows (default); every other row shifted by half a seat, so heads do not line
   * up; or rows on concentric arcs facing the stage, spanning `arcDegrees` at the front.
   */
  shape?: { kind: 'straight' } | { kind: 'staggered' } | { kind: 'curved'; arcDegrees: number };
}

export interface GeneratedSeat {
  section: string;
  rowLabel: string;
  number: string;
  x: number;
  y: number;
  category: string;
  accessible: boolean;
  blocked: boolean;
}

/** Distance between seat centres, in map units. */
export const SEAT_PITCH = 10;
export const SECTION_GAP = 30;
export const MAP_MARGIN = 20;

export function letterLabel(index: number): string {
  let label = '';
  let rest = index;
  do {
    label = String.fromCharCode(65 + (rest % 26)) + label;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return label;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Seats of one row as offsets from the section's top-left corner, by column (aisles
 * included). Curved rows keep the seat pitch along their arc: the front row spans the arc,
 * rows behind it have a larger radius and so a little more room.
 */
function rowOffsets(
  columns: readonly number[],
  rowIndex: number,
  widestColumns: number,
  shape: NonNullable<SeatSectionSpec['shape']>,
): { x: number; y: number }[] {
  if (shape.kind !== 'curved') {
    const shift = shape.kind === 'staggered' && rowIndex % 2 === 1 ? SEAT_PITCH / 2 : 0;
    return columns.map((column) => ({ x: column * SEAT_PITCH + shift, y: rowIndex * SEAT_PITCH }));
  }
  const arc = (Math.min(Math.max(shape.arcDegrees, 1), 180) * Math.PI) / 180;
  const frontRadius = Math.max(widestColumns - 1, 1) * (SEAT_PITCH / arc);
  const radius = frontRadius + rowIndex * SEAT_PITCH;
  const span = Math.max(...columns, 0);
  const centreX = ((widestColumns - 1) * SEAT_PITCH) / 2;
  // The arc's centre is the stage, above the section: the row's ends bend towards it.
  return columns.map((column) => {
    const angle = ((column - span / 2) * SEAT_PITCH) / radius;
    return {
      x: centreX + radius * Math.sin(angle),
      y: radius * Math.cos(angle) - frontRadius * Math.cos(arc / 2),
    };
  });
}

/** Lays the sections out top to bottom and returns the seats with x/y, without inserting. */
export function generateSeats(sections: readonly SeatSectionSpec[]): GeneratedSeat[] {
  const seats: GeneratedSeat[] = [];
  let nextTop = MAP_MARGIN;
  for (const section of sections) {
    const origin = section.origin ?? { x: MAP_MARGIN, y: nextTop };
    const rowLabel = section.rowLabel ?? letterLabel;
    const seatLabel =
      section.seatLabel ?? ((_row: number, seatIndex: number) => String(seatIndex + 1));
    const aisles = section.aisleAfter ?? [];
    const shape = section.shape ?? { kind: 'straight' };
    const counts = Array.from({ length: section.rows }, (_, rowIndex) =>
      typeof section.seatsPerRow === 'number' ? section.seatsPerRow : section.seatsPerRow(rowIndex),
    );
    const columnsOf = (rowIndex: number, count: number) =>
      Array.from(
        { length: count },
        (_, seatIndex) =>
          section.column?.(rowIndex, seatIndex) ??
          seatIndex + aisles.filter((after) => seatIndex > after).length,
      );
    const widestColumns = Math.max(
      ...counts.map((count, rowIndex) => Math.max(...columnsOf(rowIndex, count), 0) + 1),
    );
    let bottom = origin.y;
    counts.forEach((count, rowIndex) => {
      const columns = columnsOf(rowIndex, count);
      // Right-to-left numbering mirrors the columns, not the labels.
      const placed =
        section.numbering === 'right-to-left'
          ? columns.map((column) => widestColumns - 1 - column)
          : columns;
      const offsets = rowOffsets(placed, rowIndex, widestColumns, shape);
      offsets.forEach((offset, seatIndex) => {
        const position: SeatPosition = {
          section: section.name,
          rowIndex,
          seatIndex,
          rowLabel: rowLabel(rowIndex),
          number: seatLabel(rowIndex, seatIndex),
        };
        const y = round(origin.y + offset.y);
        bottom = Math.max(bottom, y);
        seats.push({
          section: section.name,
          rowLabel: position.rowLabel,
          number: position.number,
          x: round(origin.x + offset.x),
          y,
          category:
            typeof section.category === 'string' ? section.category : section.category(position),
          accessible: section.accessible?.(position) ?? false,
          blocked: section.blocked?.(position) ?? false,
        });
      });
    });
    nextTop = bottom + SEAT_PITCH + SECTION_GAP;
  }
  return seats;
}

/** The map's drawing size: every seat inside, with a margin. */
export function mapBounds(seats: readonly { x: number; y: number }[]): {
  width: number;
  height: number;
} {
  if (!seats.length) return { width: MAP_MARGIN * 2, height: MAP_MARGIN * 2 };
  return {
    width: Math.ceil(Math.max(...seats.map((seat) => seat.x)) + MAP_MARGIN),
    height: Math.ceil(Math.max(...seats.map((seat) => seat.y)) + MAP_MARGIN),
  };
}
