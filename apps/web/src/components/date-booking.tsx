'use client';

import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@tessera/api';
import { useTRPC } from '@tessera/client/react';
import { Alert } from '@tessera/ui';
import dynamic from 'next/dynamic';
import { availabilityInput, type Journey } from '~/lib/journey';

const loading = () => <p role="status">Loading what is still available…</p>;

// Each way of choosing (with the seat map, the API error reader and its schemas) is a chunk of
// its own, loaded only by the dates that sell that way.
const SeatSelection = dynamic(
  () => import('./seat-selection').then((module) => module.SeatSelection),
  { loading },
);
const TicketSelection = dynamic(
  () => import('./ticket-selection').then((module) => module.TicketSelection),
  { loading },
);
const WaitlistJoin = dynamic(
  () => import('./waitlist-join').then((module) => module.WaitlistJoin),
  { loading },
);

export interface DateBookingOffering {
  slug: string;
  maxPerOrder: number;
  /** Order limits and descriptions from the catalog; prices and stock come from availability. */
  ticketTypes: { id: string; description: string; minPerOrder: number; maxPerOrder: number }[];
}

/** Seats on a map or tickets by type, depending on how the date is sold. */
export function DateBooking({
  occurrenceId,
  initialAvailability,
  offering,
  journey,
}: {
  occurrenceId: string;
  /** What the server read while rendering the page (seats at first paint); live from then on. */
  initialAvailability?: RouterOutputs['availability']['occurrence'];
  offering: DateBookingOffering;
  /** Trips: the stops chosen in the search; availability and the hold are priced for them. */
  journey?: Journey;
}) {
  const trpc = useTRPC();
  const availability = useQuery(
    trpc.availability.occurrence.queryOptions(availabilityInput(occurrenceId, journey), {
      staleTime: 5_000,
      initialData: initialAvailability,
    }),
  );

  if (availability.isPending) return loading();
  if (availability.isError) {
    return (
      <Alert tone="error" title="We could not load what is available">
        {availability.error.message}
      </Alert>
    );
  }
  const data = availability.data;
  if (data.status !== 'scheduled') {
    return (
      <Alert tone="warning" title="Not on sale">
        {data.status === 'cancelled'
          ? 'This date was cancelled.'
          : 'This date has already taken place.'}
      </Alert>
    );
  }
  if (data.remaining === 0) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="warning" title="Sold out">
          Everything for this date has been booked. Try another date, or join the waiting list.
        </Alert>
        <WaitlistJoin occurrenceId={occurrenceId} maxQuantity={offering.maxPerOrder} />
      </div>
    );
  }
  return data.seats ? (
    <SeatSelection
      occurrenceId={occurrenceId}
      offering={offering}
      journey={journey}
      availability={{ ...data, seats: data.seats }}
      onStale={() => void availability.refetch()}
    />
  ) : (
    <TicketSelection
      occurrenceId={occurrenceId}
      offering={offering}
      journey={journey}
      availability={data}
    />
  );
}
