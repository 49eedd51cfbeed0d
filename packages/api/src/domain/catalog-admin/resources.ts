import type { Db } from '@tessera/db';
import { Temporal } from 'temporal-polyfill';
import { sql } from 'kysely';
import { AppError, notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import { openingIntervalsOn } from '../availability/slots';
import type { Tx } from '../shared/idempotency';
import { auditCatalogChange, changesOf } from './audit';
import { mergeChecked } from './field-rules';
import {
  SetResourceHoursInput,
  type CreateResourceInput,
  type ResourceHoursPreview,
  type UpdateResourceInput,
} from './resources-schemas';

const resourceColumns = ['id', 'name', 'kind', 'timeZone'] as const;

async function ownResource(
  db: Db | Tx,
  orgId: string,
  resourceId: string,
  { forUpdate = false } = {},
) {
  const resource = await db
    .selectFrom('resources')
    .select(resourceColumns)
    .where('id', '=', resourceId)
    .where('orgId', '=', orgId)
    .$if(forUpdate, (query) => query.forUpdate())
    .executeTakeFirst();
  if (!resource) throw notFound('This resource');
  return resource;
}

export function listResources(db: Db, orgId: string) {
  return db
    .selectFrom('resources')
    .select(resourceColumns)
    .where('orgId', '=', orgId)
    .orderBy('name')
    .execute();
}

export function createResource(
  db: Db,
  input: CreateResourceInput,
  staff: StaffMember,
  requestId: string,
) {
  return db.transaction().execute(async (tx) => {
    const resource = await tx
      .insertInto('resources')
      .values({ orgId: staff.orgId, ...input })
      .returning(resourceColumns)
      .executeTakeFirstOrThrow();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'resource.created',
      entityType: 'resource',
      entityId: resource.id,
      changes: { ...input },
    });
    return resource;
  });
}

/**
 * Renames a resource, changes its kind, or moves it to another zone. A new zone is refused
 * while slots to come are held or booked: their hours are local wall times, so the slot
 * grid would shift under them.
 */
export function updateResource(
  db: Db,
  input: UpdateResourceInput,
  staff: StaffMember,
  requestId: string,
) {
  const { resourceId, ...changes } = input;
  return db.transaction().execute(async (tx) => {
    const stored = await ownResource(tx, staff.orgId, resourceId, { forUpdate: true });
    const { id, ...fields } = stored;
    const updated = mergeChecked([], fields, changes);
    if (updated.timeZone !== stored.timeZone) {
      const { rows } = await sql<{ taken: number }>`
        SELECT count(*)::int AS taken FROM slot_reservations
        WHERE resource_id = ${id} AND released_at IS NULL AND ends_at > now()
          AND (booking_id IS NOT NULL OR held_until >= now())`.execute(tx);
      const taken = rows[0]?.taken ?? 0;
      if (taken)
        throw new AppError(
          'CONFLICT',
          `${stored.name} has ${taken} slot${taken === 1 ? '' : 's'} to come held or booked, which would shift in another time zone: keep ${stored.timeZone}, or move or cancel those bookings first.`,
          { field: 'timeZone', taken },
        );
    }
    const resource = await tx
      .updateTable('resources')
      .set(updated)
      .where('id', '=', id)
      .returning(resourceColumns)
      .executeTakeFirstOrThrow();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'resource.updated',
      entityType: 'resource',
      entityId: id,
      changes: changesOf(stored, resource),
    });
    return resource;
  });
}

/** The new hours replace the old ones whole, in one transaction. */
export function setResourceHours(
  db: Db,
  rawInput: SetResourceHoursInput,
  staff: StaffMember,
  requestId: string,
): Promise<{ rules: number }> {
  const { resourceId, weekly, overrides } = SetResourceHoursInput.parse(rawInput);
  return db.transaction().execute(async (tx) => {
    await ownResource(tx, staff.orgId, resourceId);
    await tx.deleteFrom('availabilityRules').where('resourceId', '=', resourceId).execute();
    const rows = [
      ...weekly.map((hours) => ({ ...hours, onDate: null, closed: false })),
      ...overrides.map((override) =>
        'closed' in override
          ? { weekday: null, onDate: override.onDate, opensAt: null, closesAt: null, closed: true }
          : { ...override, weekday: null, closed: false },
      ),
    ];
    if (rows.length)
      await tx
        .insertInto('availabilityRules')
        .values(rows.map((row) => ({ orgId: staff.orgId, resourceId, ...row })))
        .execute();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'resource.hours_set',
      entityType: 'resource',
      entityId: resourceId,
      changes: { weekly, overrides },
    });
    return { rules: rows.length };
  });
}

/** Each day's opening intervals from the stored rules, as the slot search computes them. */
export async function previewResourceHours(
  db: Db,
  orgId: string,
  input: { resourceId: string; from: string; days: number },
): Promise<ResourceHoursPreview> {
  const resource = await ownResource(db, orgId, input.resourceId);
  const rules = await db
    .selectFrom('availabilityRules')
    .select(['weekday', 'onDate', 'opensAt', 'closesAt', 'closed'])
    .where('resourceId', '=', resource.id)
    .execute();
  const first = Temporal.PlainDate.from(input.from);
  return {
    timeZone: resource.timeZone,
    days: Array.from({ length: input.days }, (_, offset) => {
      const date = first.add({ days: offset });
      return {
        date: date.toString(),
        open: openingIntervalsOn(date, rules, resource.timeZone),
      };
    }),
  };
}
