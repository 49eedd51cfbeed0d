import type { RouterOutputs } from '@tessera/api';

type Stop = RouterOutputs['catalog']['offering']['stops'][number];

/** Where passengers board and alight on a departure, as the trip search chose them. */
export interface Journey {
  originStopId: string;
  destinationStopId: string;
  /** "Setif → Bejaia" */
  label: string;
}

/**
 * What `availability.occurrence` is asked for a date: with a journey, its prices are the
 * fares between the chosen stops, as the hold will charge them. One helper, so the server
 * render, the page's query and the live updates share one cache entry.
 */
export function availabilityInput(occurrenceId: string, journey?: Journey) {
  return journey
    ? {
        occurrenceId,
        originStopId: journey.originStopId,
        destinationStopId: journey.destinationStopId,
      }
    : { occurrenceId };
}

/** The search parameters that carry a trip search's stops to the departure's page. */
export function journeySearch(originStopId: string, destinationStopId: string): string {
  return new URLSearchParams({ from: originStopId, to: destinationStopId }).toString();
}

export interface StopsOnRoute {
  origin: Stop;
  destination: Stop;
}

/**
 * The stops named by `from` and `to` on the offering's route: null when none is named,
 * 'invalid' when they are not on the route in that order (the page then says so rather
 * than selling the whole route).
 */
export function stopsOnRoute(
  stops: readonly Stop[],
  from: string | undefined,
  to: string | undefined,
): StopsOnRoute | null | 'invalid' {
  if (from === undefined && to === undefined) return null;
  const origin = stops.find((stop) => stop.id === from);
  const destination = stops.find((stop) => stop.id === to);
  if (!origin || !destination || origin.position >= destination.position) return 'invalid';
  return { origin, destination };
}

/** When the departure leaves `stop` (or arrives there, for the last stop). */
export function timeAtStop(startsAt: Date, stop: Stop, leaving: boolean): Date {
  const offset = leaving
    ? (stop.departureOffsetMinutes ?? stop.arrivalOffsetMinutes)
    : (stop.arrivalOffsetMinutes ?? stop.departureOffsetMinutes);
  return new Date(startsAt.getTime() + (offset ?? 0) * 60_000);
}
