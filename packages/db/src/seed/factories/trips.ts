import type { DbOrTx, OfferingRow, SegmentFareRow, TicketTypeRow, TripStopRow } from './types';

export interface TripStopSpec {
  name: string;
  city?: string;
  /** IANA zone of the stop; times are shown to passengers in it. */
  timeZone: string;
  /** Minutes after the departure from the first stop; null at the origin. */
  arrivalOffsetMinutes?: number | null;
  /** Minutes after the departure from the first stop; null at the destination. */
  departureOffsetMinutes?: number | null;
}

/** Inserts a trip's route in the order given (positions 0, 1, 2, ...). */
export async function createTripStops(
  db: DbOrTx,
  options: { offering: Pick<OfferingRow, 'id' | 'orgId'>; stops: readonly TripStopSpec[] },
): Promise<TripStopRow[]> {
  if (options.stops.length < 2) throw new Error('A route needs at least an origin and a destination');
  const last = options.stops.length - 1;
  const rows = await db
    .insertInto('tripStops')
    .values(
      options.stops.map((stop, position) => ({
        orgId: options.offering.orgId,
        offeringId: options.offering.id,
        position,
        name: stop.name,
        city: stop.city ?? stop.name,
        timeZone: stop.timeZone,
        arrivalOffsetMinutes: stop.arrivalOffsetMinutes ?? null,
        departureOffsetMinutes:
          stop.departureOffsetMinutes !== undefined
            ? stop.departureOffsetMinutes
            : position === last
              ? null
              : (stop.arrivalOffsetMinutes ?? 0),
      })),
    )
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.position - b.position);
}

export interface SegmentFareSpec {
  origin: Pick<TripStopRow, 'id'>;
  destination: Pick<TripStopRow, 'id'>;
  priceAmount: number;
}

/** Fares between two stops of a trip for one ticket type (when a segment costs less). */
export async function createSegmentFares(
  db: DbOrTx,
  options: { ticketType: Pick<TicketTypeRow, 'id' | 'orgId'>; fares: readonly SegmentFareSpec[] },
): Promise<SegmentFareRow[]> {
  if (options.fares.length === 0) return [];
  return db
    .insertInto('segmentFares')
    .values(
      options.fares.map((fare) => ({
        orgId: options.ticketType.orgId,
        ticketTypeId: options.ticketType.id,
        originStopId: fare.origin.id,
        destinationStopId: fare.destination.id,
        priceAmount: fare.priceAmount,
      })),
    )
    .returningAll()
    .execute();
}
