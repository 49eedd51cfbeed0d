import type { Db } from '@tessera/db';
import { Temporal } from 'temporal-polyfill';
import { notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import { openingIntervalsOn } from '../availability/slots';
import type { Tx } from '../shared/idempotency';
import { auditCatalogChange } from './audit';
import {
  SetResourceHoursInput,
  type CreateResourceInput,
  type ResourceHoursPreview,
} from './resources-schemas';

const resourceColumns = ['id', 'name', 'kind', 'timeZone'] as const;

async function ownResource(db: Db | Tx, orgId: string, resourceId: string) {
  const resource = await db
    .selectFrom('resources')
    .select(resourceColumns)
    .where('id', '=', resourceId)
    .where('orgId', '=', orgId)
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
