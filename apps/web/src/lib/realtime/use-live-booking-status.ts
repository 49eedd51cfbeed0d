'use client';

import { useQueryClient } from '@tanstack/react-query';
import { bookingRoom } from '@tessera/api/realtime/rooms';
import { useTRPC } from '@tessera/client/react';
import { useRoom } from '@tessera/ui/realtime';

/**
 * Status changes of one booking pushed by the gateway: the booking is fetched again at once
 * (a confirmation brings its tickets). The room needs a token, asked for with the same
 * reference and email the page shows the booking for.
 */
export function useLiveBookingStatus(reference: string, email: string): boolean {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.bookings.byReference.queryKey({ reference, email });
  return useRoom({
    room: bookingRoom(reference),
    event: 'booking',
    belongs: (pushed) => pushed.reference === reference,
    onEvent: () => void queryClient.invalidateQueries({ queryKey }),
    // Tokens last 5 minutes; one younger than a minute is reused on a quick reconnect.
    token: async () =>
      (
        await queryClient.fetchQuery(
          trpc.bookings.realtimeToken.queryOptions({ reference, email }, { staleTime: 60_000 }),
        )
      ).token,
    onJoined: () => void queryClient.invalidateQueries({ queryKey }),
  });
}
