import { prepared, type Db } from '@tessera/db';
import { CompiledQuery } from 'kysely';
import type { SeatStatus } from './occurrence-schemas';

/** What the seat map draws of a seat, which changes only when staff edit the map. */
export interface LayoutSeat {
  id: string;
  section: string;
  rowLabel: string;
  number: string;
  x: number;
  y: number;
  category: string;
  accessible: boolean;
}

interface Layout {
  /** The map's layout version and the date's seat count it was read at. */
  key: string;
  seats: LayoutSeat[];
}

/**
 * The statuses of a date's seats in ONE row: the map's layout version, how many seats the
 * date has, and only the seats that are not free (an expired hold reads as free, exactly as
 * the claim treats it). Arrays in one row cost far less to read than a row per seat.
 */
const STATUSES_SQL = prepared(`
  SELECT sm.layout_version AS version, count(os.seat_id)::int AS seat_count,
    coalesce(array_agg(os.seat_id) FILTER (WHERE os.taken), '{}') AS taken_ids,
    coalesce(array_agg(os.status) FILTER (WHERE os.taken), '{}') AS taken_statuses
  FROM occurrences oc
  JOIN seat_maps sm ON sm.id = oc.seat_map_id
  LEFT JOIN LATERAL (
    SELECT seat_id, status, NOT (status = 'free' OR (status = 'held' AND held_until < now())) AS taken
    FROM occurrence_seats WHERE occurrence_id = oc.id
  ) AS os ON true
  WHERE oc.id = $1::uuid
  GROUP BY sm.layout_version`);

/** The date's seats in drawing order, with the version they were read at (one snapshot). */
const LAYOUT_SQL = prepared(`
  SELECT s.id, s.section, s.row_label, s.number, s.x, s.y, s.category, s.accessible, sm.layout_version AS version
  FROM occurrence_seats os
  JOIN seats s ON s.id = os.seat_id
  JOIN seat_maps sm ON sm.id = s.seat_map_id
  WHERE os.occurrence_id = $1::uuid
  ORDER BY s.y, s.x`);

/** Layouts of the dates asked about lately; a 2,000-seat layout is about 0.5 MB. */
const MAX_LAYOUTS = 64;
const layouts = new Map<string, Layout>();

const keyOf = (version: number, seatCount: number) => `${String(version)}:${String(seatCount)}`;

async function loadLayout(db: Db, occurrenceId: string): Promise<Layout> {
  const { rows } = await db.executeQuery<LayoutSeat & { version: number }>(
    CompiledQuery.raw(LAYOUT_SQL, [occurrenceId]),
  );
  const seats = rows.map(({ version: _version, ...seat }) => seat);
  return { key: keyOf(rows[0]?.version ?? 0, rows.length), seats };
}

/**
 * Every seat of a date with its status, or null when the date has no seat map. The layout
 * comes from the cache while the map's version and the date's seat count are unchanged, so
 * a request reads only what is taken.
 */
export async function seatsWithStatus(
  db: Db,
  occurrenceId: string,
): Promise<(LayoutSeat & { status: SeatStatus })[] | null> {
  const { rows } = await db.executeQuery<{
    version: number;
    seatCount: number;
    takenIds: string[];
    takenStatuses: SeatStatus[];
  }>(CompiledQuery.raw(STATUSES_SQL, [occurrenceId]));
  const statuses = rows[0];
  if (!statuses) return null;

  const key = keyOf(statuses.version, statuses.seatCount);
  let layout = layouts.get(occurrenceId);
  if (layout?.key === key) {
    layouts.delete(occurrenceId); // re-inserted below: the Map's order is recency
  } else {
    layout = await loadLayout(db, occurrenceId);
  }
  layouts.set(occurrenceId, layout);
  if (layouts.size > MAX_LAYOUTS) layouts.delete(layouts.keys().next().value ?? '');

  const taken = new Map<string, SeatStatus>();
  statuses.takenIds.forEach((id, index) => taken.set(id, statuses.takenStatuses[index] ?? 'held'));
  return layout.seats.map((seat) => ({ ...seat, status: taken.get(seat.id) ?? 'free' }));
}
