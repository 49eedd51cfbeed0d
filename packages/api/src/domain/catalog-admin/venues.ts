import type { Db } from '@tessera/db';
import type { StaffMember } from '../access/membership';
import { auditCatalogChange } from './audit';
import type { CreateVenueInput, VenueView } from './schemas';

const venueColumns = ['id', 'name', 'city', 'country', 'timeZone'] as const;

export function listVenues(db: Db, orgId: string): Promise<VenueView[]> {
  return db
    .selectFrom('venues')
    .select(venueColumns)
    .where('orgId', '=', orgId)
    .orderBy('name')
    .execute();
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
