'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tessera/api';
import type { AvailabilityEvent } from '@tessera/api/realtime';
import { pushedSeatStatus } from '@tessera/api/realtime/pushed-seats';
import { occurrenceRoom } from '@tessera/api/realtime/rooms';
import { useTRPC } from '@tessera/client/react';
import { useRoom } from '@tessera/ui/realtime';
import { availabilityInput, type Journey } from '../journey';

type Availability = RouterOutputs['availability']['occurrence'];

/**
 * The pushed counts and seat statuses over what the page already has (names, prices, layout).
 * A push prices the whole route: a journey's view keeps its own fares and takes only the
 * counts and statuses.
 */
export function applyAvailability(
  current: Availability,
  pushed: AvailabilityEvent,
  { keepPrices }: { keepPrices: boolean },
): Availability {
  const statusOf = pushedSeatStatus(pushed.seats);
  const types = new Map(pushed.ticketTypes.map((type) => [type.id, type]));
  return {
    ...current,
    remaining: pushed.remaining,
    ticketTypes: current.ticketTypes.map((type) => {
      const update = types.get(type.id);
      if (!update) return type;
      return {
        ...type,
        remaining: update.remaining,
        price: keepPrices ? type.price : update.price,
      };
    }),
    seats: current.seats?.map((seat) => ({ ...seat, status: statusOf(seat.id) })),
  };
}

/**
 * Keeps `availability.occurrence` of one date (for a trip, of the page's journey) live: each
 * push from the gateway goes into the React Query cache (so the seat map and ticket counts
 * redraw without a reload), and the query is fetched again whenever the room is (re)joined,
 * so a missed push never lasts.
 */
export function useLiveAvailability(occurrenceId: string, journey?: Journey): boolean {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.availability.occurrence.queryKey(availabilityInput(occurrenceId, journey));
  return useRoom({
    room: occurrenceRoom(occurrenceId),
    event: 'availability',
    belongs: (pushed) => pushed.occurrenceId === occurrenceId.toLowerCase(),
    onEvent: (pushed) =>
      queryClient.setQueryData(queryKey, (current) =>
        current
          ? applyAvailability(current, pushed, { keepPrices: journey !== undefined })
          : current,
      ),
    onJoined: () => void queryClient.invalidateQueries({ queryKey }),
  });
}
