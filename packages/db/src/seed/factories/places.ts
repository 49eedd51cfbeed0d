import type { DB } from '../../schema';
import {
  uniqueToken,
  type AvailabilityRuleRow,
  type DbOrTx,
  type OrgRow,
  type ResourceRow,
  type VenueRow,
} from './types';

export interface CreateVenueOptions {
  org: Pick<OrgRow, 'id' | 'timeZone'>;
  name?: string;
  addressLine?: string | null;
  city?: string | null;
  country?: string | null;
  /** IANA zone; defaults to the org's. */
  timeZone?: string;
}

export async function createVenue(db: DbOrTx, options: CreateVenueOptions): Promise<VenueRow> {
  return db
    .insertInto('venues')
    .values({
      orgId: options.org.id,
      name: options.name ?? `Venue ${uniqueToken()}`,
      addressLine: options.addressLine ?? null,
      city: options.city ?? null,
      country: options.country ?? null,
      timeZone: options.timeZone ?? options.org.timeZone,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Opening hours of one ISO weekday (1 = Monday), in the resource's local wall time. */
export interface WeeklyHoursRow {
  weekday: number;
  opensAt: string;
  closesAt: string;
}

const DAY_NUMBERS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

function dayNumber(day: string): number {
  const number = DAY_NUMBERS[day.trim().toLowerCase()];
  if (number === undefined) throw new Error(`Unknown weekday "${day}": use mon, tue, wed, thu, fri, sat or sun`);
  return number;
}

/**
 * Weekly hours from a readable spec:
 * `weeklyHours({ 'mon-fri': ['08:00', '22:00'], 'sat-sun': ['09:00', '20:00'] })`.
 * Keys are a day ("sat"), a range ("mon-fri") or a list ("mon,wed"); days not named are closed.
 */
export function weeklyHours(spec: Record<string, readonly [opensAt: string, closesAt: string]>): WeeklyHoursRow[] {
  const rows: WeeklyHoursRow[] = [];
  for (const [days, [opensAt, closesAt]] of Object.entries(spec)) {
    for (const part of days.split(',')) {
      const [from = '', to = from] = part.split('-');
      const first = dayNumber(from);
      const last = dayNumber(to);
      if (last < first) throw new Error(`Weekday range "${part}" runs backwards`);
      for (let weekday = first; weekday <= last; weekday += 1) rows.push({ weekday, opensAt, closesAt });
    }
  }
  return rows.sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt));
}

export interface CreateResourceOptions {
  org: Pick<OrgRow, 'id' | 'timeZone'>;
  venue?: Pick<VenueRow, 'id' | 'timeZone'> | null;
  kind?: DB['resources']['kind'];
  name?: string;
  /** IANA zone; defaults to the venue's, then the org's. */
  timeZone?: string;
  active?: boolean;
  /** Weekly opening hours inserted as availability_rules (see `weeklyHours`). */
  hours?: readonly WeeklyHoursRow[];
}

export async function createResource(
  db: DbOrTx,
  options: CreateResourceOptions,
): Promise<{ resource: ResourceRow; rules: AvailabilityRuleRow[] }> {
  const resource = await db
    .insertInto('resources')
    .values({
      orgId: options.org.id,
      venueId: options.venue?.id ?? null,
      kind: options.kind ?? 'room',
      name: options.name ?? `Resource ${uniqueToken()}`,
      timeZone: options.timeZone ?? options.venue?.timeZone ?? options.org.timeZone,
      active: options.active ?? true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const rules = options.hours?.length ? await addWeeklyHours(db, { resource, hours: options.hours }) : [];
  return { resource, rules };
}

export async function addWeeklyHours(
  db: DbOrTx,
  options: { resource: Pick<ResourceRow, 'id' | 'orgId'>; hours: readonly WeeklyHoursRow[] },
): Promise<AvailabilityRuleRow[]> {
  if (options.hours.length === 0) return [];
  return db
    .insertInto('availabilityRules')
    .values(
      options.hours.map((row) => ({
        orgId: options.resource.orgId,
        resourceId: options.resource.id,
        weekday: row.weekday,
        opensAt: row.opensAt,
        closesAt: row.closesAt,
      })),
    )
    .returningAll()
    .execute();
}

/** A date override: other hours on one local date, or closed all day when no hours are given. */
export async function addDateOverride(
  db: DbOrTx,
  options: { resource: Pick<ResourceRow, 'id' | 'orgId'>; onDate: string; opensAt?: string; closesAt?: string },
): Promise<AvailabilityRuleRow> {
  const closed = options.opensAt === undefined || options.closesAt === undefined;
  return db
    .insertInto('availabilityRules')
    .values({
      orgId: options.resource.orgId,
      resourceId: options.resource.id,
      onDate: options.onDate,
      opensAt: closed ? null : options.opensAt,
      closesAt: closed ? null : options.closesAt,
      closed,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
