'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@tessera/client/react';
import { Alert } from '@tessera/ui';
import { SeatSelection } from './seat-selection';
import { TicketSelection } from './ticket-selection';
import { WaitlistJoin } from './waitlist-join';

export interface DateBookingOffering {
  slug: string;
  maxPerOrder: number;
  /** Order limits and descriptions from the catalog; prices and stock come from availability. */
  ticketTypes: { id: string; description: string; minPerOrder: number; maxPerOrder: number }[];
}

/** Seats on a map or tickets by type, depending on how the date is sold. */
export function DateBooking({
  occurrenceId,
  offering,
}: {
  occurrenceId: string;
  offering: DateBookingOffering;
}) {
  const trpc = useTRPC();
  const availability = useQuery(
    trpc.availability.occurrence.queryOptions({ occurrenceId }, { staleTime: 5_000 }),
  );

  if (availability.isPending) return <p role="status">Loading what is still available…</p>;
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
      availability={{ ...data, seats: data.seats }}
      onStale={() => void availability.refetch()}
    />
  ) : (
    <TicketSelection occurrenceId={occurrenceId} offering={offering} availability={data} />
  );
}
