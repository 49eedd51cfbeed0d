import { AppError } from '../../errors';
import { unitPriceFor, type PricingContext } from '../pricing';
import type { Db } from '@tessera/db';

export interface Journey {
  originStopId?: string;
  destinationStopId?: string;
  /** Segment fares of the journey by ticket type, when the trip prices this pair of stops. */
  segmentFares?: Map<string, number>;
}

/** Trips: both stops of the offering, origin before destination, and their segment fares. */
export async function validateJourney(
  db: Db,
  occurrence: { offeringId: string; kind: string },
  input: { originStopId?: string; destinationStopId?: string },
): Promise<Journey> {
  const { originStopId, destinationStopId } = input;
  if (!originStopId && !destinationStopId) return {};
  if (occurrence.kind !== 'trip' || !originStopId || !destinationStopId) {
    throw new AppError('VALIDATION', 'Give both the departure and the arrival stop of a trip.');
  }
  const stops = await db
    .selectFrom('tripStops')
    .select(['id', 'position'])
    .where('offeringId', '=', occurrence.offeringId)
    .where('id', 'in', [originStopId, destinationStopId])
    .execute();
  const origin = stops.find((stop) => stop.id === originStopId);
  const destination = stops.find((stop) => stop.id === destinationStopId);
  if (!origin || !destination || origin.position >= destination.position) {
    throw new AppError('VALIDATION', 'This trip does not go from that stop to that stop.');
  }
  const fares = await db
    .selectFrom('segmentFares')
    .select(['ticketTypeId', 'priceAmount'])
    .where('originStopId', '=', originStopId)
    .where('destinationStopId', '=', destinationStopId)
    .execute();
  return {
    originStopId,
    destinationStopId,
    segmentFares: new Map(fares.map((fare) => [fare.ticketTypeId, fare.priceAmount])),
  };
}

/** The price of one unit now: the journey's segment fare or the tier's price, then dynamic pricing. */
export function fareFor(pricing: PricingContext, ticketTypeId: string, journey: Journey): number {
  return unitPriceFor(pricing, ticketTypeId, journey.segmentFares?.get(ticketTypeId));
}
