'use client';

import type { Journey } from '~/lib/journey';
import { useLiveAvailability } from '~/lib/realtime/use-live-availability';

/** Keeps the date's seat map and ticket counts current while the page is open. */
export function LiveAvailability({
  occurrenceId,
  journey,
}: {
  occurrenceId: string;
  /** Trips: the page's journey, whose fares the live counts are applied to. */
  journey?: Journey;
}) {
  const live = useLiveAvailability(occurrenceId, journey);
  return (
    <p className="sr-only" data-testid="live-availability" data-live={live}>
      {live ? 'Availability updates live.' : ''}
    </p>
  );
}
