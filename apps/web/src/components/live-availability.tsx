'use client';

import { useLiveAvailability } from '~/lib/realtime/use-live-availability';

/** Keeps the date's seat map and ticket counts current while the page is open. */
export function LiveAvailability({ occurrenceId }: { occurrenceId: string }) {
  const live = useLiveAvailability(occurrenceId);
  return (
    <p className="sr-only" data-testid="live-availability" data-live={live}>
      {live ? 'Availability updates live.' : ''}
    </p>
  );
}
