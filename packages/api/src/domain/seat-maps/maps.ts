import { mapBounds, type Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError, notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import { auditCatalogChange } from '../catalog-admin/audit';
import { checkOwnVenue } from '../catalog-admin/venues';
import type { Tx } from '../shared/idempotency';
import type {
  CreateSeatMapInput,
  EditorSeat,
  RenameSeatMapInput,
  SeatMapDetail,
  SeatMapSummary,
  SectionSummary,
} from './schemas';

/**
 * The org's map, locked for this change: edits of one map run one after the other, so two
 * editors never place a section on the same spot or judge sales on a stale picture.
 * Another org's id is simply not found.
 */
export async function lockSeatMap(tx: Tx, orgId: string, seatMapId: string) {
  const map = await tx
    .selectFrom('seatMaps')
    .select(['id', 'orgId', 'name'])
    .where('id', '=', seatMapId)
    .where('orgId', '=', orgId)
    .forUpdate()
    .executeTakeFirst();
  if (!map) throw notFound('This seat map');
  return map;
}

/** Keeps the map's drawing size around its seats after sections come or go. */
export async function resizeSeatMap(tx: Tx, seatMapId: string) {
  const seats = await tx
    .selectFrom('seats')
    .select(['x', 'y'])
    .where('seatMapId', '=', seatMapId)
    .execute();
  await tx.updateTable('seatMaps').set(mapBounds(seats)).where('id', '=', seatMapId).execute();
}

export function listSeatMaps(db: Db, orgId: string): Promise<SeatMapSummary[]> {
  return db
    .selectFrom('seatMaps as m')
    .leftJoin('venues as v', 'v.id', 'm.venueId')
    .select([
      'm.id',
      'm.name',
      'v.name as venueName',
      sql<number>`(SELECT count(*)::int FROM seats s WHERE s.seat_map_id = m.id)`.as('seats'),
      sql<number>`(SELECT count(DISTINCT s.section)::int FROM seats s WHERE s.seat_map_id = m.id)`.as(
        'sections',
      ),
      sql<number>`(SELECT count(*)::int FROM occurrences o WHERE o.seat_map_id = m.id)`.as(
        'occurrences',
      ),
    ])
    .where('m.orgId', '=', orgId)
    .orderBy('m.name')
    .orderBy('m.createdAt')
    .execute();
}

/**
 * A map with each seat's status as customers see it on the dates to come: sold or held on
 * any of them wins over blocked, blocked over free.
 */
export async function seatMapForStaff(
  db: Db,
  orgId: string,
  seatMapId: string,
): Promise<SeatMapDetail> {
  const map = await db
    .selectFrom('seatMaps')
    .select([
      'id',
      'name',
      'venueId',
      'layoutVersion',
      sql<number>`(SELECT count(*)::int FROM occurrences o WHERE o.seat_map_id = seat_maps.id
        AND o.status = 'scheduled' AND o.starts_at > now())`.as('upcomingOccurrences'),
    ])
    .where('id', '=', seatMapId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  if (!map) throw notFound('This seat map');
  const rows = await db
    .selectFrom('seats as s')
    .leftJoin('occurrenceSeats as os', (join) =>
      join.onRef('os.seatId', '=', 's.id').on(
        'os.occurrenceId',
        'in',
        sql<string>`(SELECT id FROM occurrences WHERE seat_map_id = ${seatMapId}
            AND status = 'scheduled' AND starts_at > now())`,
      ),
    )
    .select([
      's.id',
      's.section',
      's.rowLabel',
      's.number',
      's.x',
      's.y',
      's.category',
      's.accessible',
      's.blocked',
      sql<boolean>`coalesce(bool_or(os.status = 'sold'), false)`.as('sold'),
      sql<boolean>`coalesce(bool_or(os.status = 'held' AND os.held_until >= now()), false)`.as(
        'held',
      ),
    ])
    .where('s.seatMapId', '=', seatMapId)
    .groupBy('s.id')
    .orderBy('s.section')
    .orderBy('s.y')
    .orderBy('s.x')
    .execute();
  const seats: EditorSeat[] = rows.map((row) => ({
    id: row.id,
    section: row.section,
    row: row.rowLabel,
    number: row.number,
    x: row.x,
    y: row.y,
    category: row.category,
    accessible: row.accessible,
    blocked: row.blocked,
    status: row.sold ? 'sold' : row.held ? 'held' : row.blocked ? 'blocked' : 'free',
  }));
  return { ...map, layoutVersion: Number(map.layoutVersion), sections: sectionsOf(rows), seats };
}

function sectionsOf(
  rows: readonly {
    section: string;
    rowLabel: string;
    category: string;
    sold: boolean;
    held: boolean;
  }[],
): SectionSummary[] {
  const sections = new Map<
    string,
    { rows: Set<string>; categories: Set<string>; seats: number; sold: number; held: number }
  >();
  for (const row of rows) {
    let section = sections.get(row.section);
    if (!section) {
      section = { rows: new Set(), categories: new Set(), seats: 0, sold: 0, held: 0 };
      sections.set(row.section, section);
    }
    section.rows.add(row.rowLabel);
    section.categories.add(row.category);
    section.seats += 1;
    if (row.sold) section.sold += 1;
    else if (row.held) section.held += 1;
  }
  return [...sections].map(([name, section]) => ({
    name,
    rows: section.rows.size,
    seats: section.seats,
    categories: [...section.categories].sort(),
    sold: section.sold,
    held: section.held,
  }));
}

export function createSeatMap(
  db: Db,
  input: CreateSeatMapInput,
  staff: StaffMember,
  requestId: string,
): Promise<{ id: string }> {
  return db.transaction().execute(async (tx) => {
    if (input.venueId) await checkOwnVenue(tx, staff.orgId, input.venueId);
    const map = await tx
      .insertInto('seatMaps')
      .values({ orgId: staff.orgId, venueId: input.venueId, name: input.name, ...mapBounds([]) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'seat_map.created',
      entityType: 'seat_map',
      entityId: map.id,
      changes: { ...input },
    });
    return map;
  });
}

export function renameSeatMap(
  db: Db,
  input: RenameSeatMapInput,
  staff: StaffMember,
  requestId: string,
): Promise<{ id: string }> {
  return db.transaction().execute(async (tx) => {
    const map = await lockSeatMap(tx, staff.orgId, input.seatMapId);
    await tx.updateTable('seatMaps').set({ name: input.name }).where('id', '=', map.id).execute();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'seat_map.renamed',
      entityType: 'seat_map',
      entityId: map.id,
      changes: { from: map.name, to: input.name },
    });
    return { id: map.id };
  });
}

/** Only a map no date has used: dates keep the seats they were sold with. */
export function deleteSeatMap(
  db: Db,
  seatMapId: string,
  staff: StaffMember,
  requestId: string,
): Promise<{ id: string }> {
  return db.transaction().execute(async (tx) => {
    const map = await lockSeatMap(tx, staff.orgId, seatMapId);
    const used = await tx
      .selectFrom('occurrences')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('seatMapId', '=', map.id)
      .executeTakeFirstOrThrow();
    const count = Number(used.count);
    if (count)
      throw new AppError(
        'CONFLICT',
        `This seat map is used by ${count} ${count === 1 ? 'date' : 'dates'} and cannot be deleted.`,
        { occurrences: count },
      );
    // Seats go with the map (ON DELETE CASCADE).
    await tx.deleteFrom('seatMaps').where('id', '=', map.id).execute();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'seat_map.deleted',
      entityType: 'seat_map',
      entityId: map.id,
      changes: { name: map.name },
    });
    return { id: map.id };
  });
}
