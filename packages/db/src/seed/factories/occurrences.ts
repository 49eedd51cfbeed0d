import { stockOccurrence } from '../../inventory';
import type { DbOrTx, OccurrenceRow, OfferingRow, SeatMapRow, VenueRow } from './types';

const HOUR_MS = 3_600_000;
const DEFAULT_GENERAL_ADMISSION_CAPACITY = 100;

export interface CreateOccurrenceOptions {
  offering: Pick<OfferingRow, 'id' | 'orgId' | 'venueId'>;
  /** Default: one week from now, on the hour. */
  startsAt?: Date;
  /** Default: startsAt + durationMinutes. */
  endsAt?: Date;
  durationMinutes?: number;
  /** Default: the offering's venue. */
  venue?: Pick<VenueRow, 'id'> | null;
  /** Reserved seating: every seat of the map gets an occurrence_seats row. */
  seatMap?: Pick<SeatMapRow, 'id'> | null;
  /**
   * Default: the number of sellable (not blocked) seats of the seat map, or 100 for
   * general admission.
   */
  capacity?: number;
  salesStartAt?: Date | null;
  salesEndAt?: Date | null;
  status?: OccurrenceRow['status'];
}

function defaultStart(): Date {
  const start = new Date(Date.now() + 7 * 24 * HOUR_MS);
  start.setUTCMinutes(0, 0, 0);
  return start;
}

/**
 * One date of an event or one departure of a trip, with its inventory rows
 * (`stockOccurrence`: seats of the map, quotas and their units).
 */
export async function createOccurrence(db: DbOrTx, options: CreateOccurrenceOptions): Promise<OccurrenceRow> {
  const { offering } = options;
  const startsAt = options.startsAt ?? defaultStart();
  const endsAt = options.endsAt ?? new Date(startsAt.getTime() + (options.durationMinutes ?? 120) * 60_000);
  const seatMapId = options.seatMap?.id ?? null;

  let capacity = options.capacity;
  if (capacity === undefined && seatMapId !== null) {
    const { sellable } = await db
      .selectFrom('seats')
      .select((eb) => eb.fn.countAll<number>().as('sellable'))
      .where('seatMapId', '=', seatMapId)
      .where('blocked', '=', false)
      .executeTakeFirstOrThrow();
    capacity = Number(sellable);
  }

  const occurrence = await db
    .insertInto('occurrences')
    .values({
      orgId: offering.orgId,
      offeringId: offering.id,
      venueId: options.venue === undefined ? offering.venueId : (options.venue?.id ?? null),
      seatMapId,
      startsAt,
      endsAt,
      capacity: capacity ?? DEFAULT_GENERAL_ADMISSION_CAPACITY,
      salesStartAt: options.salesStartAt ?? null,
      salesEndAt: options.salesEndAt ?? null,
      status: options.status ?? 'scheduled',
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  await stockOccurrence(db, occurrence.id);
  return occurrence;
}
