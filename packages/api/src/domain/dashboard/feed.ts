import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { feedTicketCode, type OrgFeedEvent } from '../../realtime/events';
import { RecentFeedInput } from './schemas';

/**
 * The latest lines of the org's live feed, read from the outbox events the gateway pushes
 * (a booking's events and check-ins, aggregate `booking`), with the booking as it is now,
 * as the gateway reads it when it pushes.
 */
export async function recentFeed(
  db: Db,
  orgId: string,
  rawInput: RecentFeedInput,
): Promise<OrgFeedEvent[]> {
  const { limit } = RecentFeedInput.parse(rawInput);
  const rows = await db
    .selectFrom('outbox as e')
    // Booking events' aggregate ids are the bookings' uuids (the gateway relies on it too).
    .innerJoin('bookings as b', (join) =>
      join.on(sql<boolean>`b.id = e.aggregate_id::uuid`).onRef('b.orgId', '=', 'e.orgId'),
    )
    .select([
      'e.id',
      'e.eventType',
      'e.payload',
      'e.createdAt',
      'b.reference',
      'b.status',
      'b.occurrenceId',
    ])
    .where('e.orgId', '=', orgId)
    .where('e.aggregateType', '=', 'booking')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    outboxId: row.id,
    eventType: row.eventType,
    reference: row.reference,
    status: row.status,
    occurrenceId: row.occurrenceId,
    ticketCode: feedTicketCode(row.eventType, row.payload),
    at: row.createdAt.toISOString(),
  }));
}
