import type { RouterOutputs } from '@tessera/api';

export type OfferingKind = RouterOutputs['catalog']['offering']['kind'];

/** Customer words for the dates of each kind ("occurrence" is an internal word). */
export const datesWord: Record<OfferingKind, { plural: string; singular: string }> = {
  trip: { plural: 'Departures', singular: 'departure' },
  event: { plural: 'Dates', singular: 'date' },
  appointment: { plural: 'Times', singular: 'time' },
};
