import type { Db } from '@tessera/db';

/**
 * The date whose waiting list an outbox event may move: the hold's or the booking's
 * occurrence, or the occurrence itself (a move freed places there). Null for appointments
 * (no occurrence, no waiting list) or rows since deleted.
 */
export async function occurrenceOfEvent(
  db: Db,
  event: { aggregateType: 'hold' | 'booking' | 'occurrence'; aggregateId: string },
): Promise<string | null> {
  if (event.aggregateType === 'occurrence') return event.aggregateId;
  const row = await db
    .selectFrom(event.aggregateType === 'hold' ? 'holds' : 'bookings')
    .select('occurrenceId')
    .where('id', '=', event.aggregateId)
    .executeTakeFirst();
  return row?.occurrenceId ?? null;
}
