import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError, notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import type { Tx } from '../shared/idempotency';
import { auditCatalogChange, changesOf } from './audit';
import { mergeChecked } from './field-rules';
import type { CreateVenueInput, UpdateVenueInput, VenueView } from './schemas';

const venueColumns = ['id', 'name', 'addressLine', 'city', 'country', 'timeZone'] as const;

export function listVenues(db: Db, orgId: string): Promise<VenueView[]> {
  return db
    .selectFrom('venues')
    .select(venueColumns)
    .where('orgId', '=', orgId)
    .orderBy('name')
    .execute();
}

/** Refuses a venue that is not the org's: another org's id reads as not found (no hint it exists). */
export async function checkOwnVenue(db: Db | Tx, orgId: string, venueId: string): Promise<void> {
  const venue = await db
    .selectFrom('venues')
    .select('id')
    .where('id', '=', venueId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  if (!venue) throw notFound('This venue');
}

export function createVenue(
  db: Db,
  input: CreateVenueInput,
  staff: StaffMember,
  requestId: string,
): Promise<VenueView> {
  return db.transaction().execute(async (tx) => {
    const venue = await tx
      .insertInto('venues')
      .values({
        orgId: staff.orgId,
        name: input.name,
        addressLine: input.addressLine ?? null,
        city: input.city ?? null,
        country: input.country ?? null,
        timeZone: input.timeZone,
      })
      .returning(venueColumns)
      .executeTakeFirstOrThrow();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'venue.created',
      entityType: 'venue',
      entityId: venue.id,
      changes: { ...input },
    });
    return venue;
  });
}

/**
 * Renames or re-addresses a venue, or moves it to another time zone. A new zone is refused
 * while dates to come take place there: their times are stored as instants, so the local
 * times customers were sold would shift.
 */
export function updateVenue(
  db: Db,
  input: UpdateVenueInput,
  staff: StaffMember,
  requestId: string,
): Promise<VenueView> {
  const { venueId, ...changes } = input;
  return db.transaction().execute(async (tx) => {
    const stored = await tx
      .selectFrom('venues')
      .select(venueColumns)
      .where('id', '=', venueId)
      .where('orgId', '=', staff.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!stored) throw notFound('This venue');
    const { id, ...fields } = stored;
    const updated = mergeChecked([], fields, changes);
    if (updated.timeZone !== stored.timeZone) {
      const { rows } = await sql<{ upcoming: number }>`
        SELECT count(*)::int AS upcoming
        FROM occurrences oc JOIN offerings o ON o.id = oc.offering_id
        WHERE oc.org_id = ${staff.orgId} AND (oc.venue_id = ${venueId} OR o.venue_id = ${venueId})
          AND oc.status = 'scheduled' AND oc.starts_at > now()`.execute(tx);
      const upcoming = rows[0]?.upcoming ?? 0;
      if (upcoming)
        throw new AppError(
          'CONFLICT',
          `${stored.name} has ${upcoming} date${upcoming === 1 ? '' : 's'} to come, whose local times would shift in another time zone: cancel or move them first, or keep ${stored.timeZone}.`,
          { field: 'timeZone', upcoming },
        );
    }
    const venue = await tx
      .updateTable('venues')
      .set(updated)
      .where('id', '=', id)
      .returning(venueColumns)
      .executeTakeFirstOrThrow();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'venue.updated',
      entityType: 'venue',
      entityId: id,
      changes: changesOf(stored, venue),
    });
    return venue;
  });
}
