import type { Db } from '@tessera/db';

/**
 * The date whose waiting list an outbox event may move: the hold's or the booking's
 * occurrence. Null for appointments (no occurrence, no waiting list) or rows since deleted.
 */
export async function occurrenceOfEvent(
  db: Db,
  event: { aggregateType: 'hold' | 'booking'; aggregateId: string },
): Promise<string | null> {
  const row = await db
    .selectFrom(event.aggregateType === 'hold' ? 'holds' : 'bookings')
    .select('occurrenceId')
    .where('id', '=', event.aggregateId)
    .executeTakeFirst();
  return row?.occurrenceId ?? null;
}
