import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../schema';

/** A Kysely instance or a transaction: every factory works inside a caller's transaction. */
export type DbOrTx = Kysely<DB>;

export type OrgRow = Selectable<DB['orgs']>;
export type UserRow = Selectable<DB['users']>;
export type MembershipRow = Selectable<DB['memberships']>;
export type VenueRow = Selectable<DB['venues']>;
export type ResourceRow = Selectable<DB['resources']>;
export type AvailabilityRuleRow = Selectable<DB['availabilityRules']>;
export type TaxRateRow = Selectable<DB['taxRates']>;
export type OfferingRow = Selectable<DB['offerings']>;
export type TripStopRow = Selectable<DB['tripStops']>;
export type SeatMapRow = Selectable<DB['seatMaps']>;
export type SeatRow = Selectable<DB['seats']>;
export type TicketTypeRow = Selectable<DB['ticketTypes']>;
export type SegmentFareRow = Selectable<DB['segmentFares']>;
export type OccurrenceRow = Selectable<DB['occurrences']>;
export type PromoCodeRow = Selectable<DB['promoCodes']>;
export type AddOnRow = Selectable<DB['addOns']>;

/** What a child row needs from its parent: the id and, for composite foreign keys, the org. */
export interface OrgScoped {
  id: string;
  orgId: string;
}

let counter = 0;

/**
 * A short lowercase token unique within this process and, through the random part, across
 * the parallel test workers and Playwright workers that share one database.
 */
export function uniqueToken(): string {
  counter += 1;
  return `${randomBytes(3).toString('hex')}${counter.toString(36)}`;
}

/** Rows per INSERT statement: PostgreSQL allows 65,535 bind parameters per statement. */
export const INSERT_CHUNK_ROWS = 2_000;

export function chunk<T>(items: readonly T[], size: number = INSERT_CHUNK_ROWS): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
