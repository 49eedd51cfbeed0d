import { Alert, PageHeader, formatDateTime } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { DateBooking } from '~/components/date-booking';
import { LiveAvailability } from '~/components/live-availability';
import {
  availabilityInput,
  stopsOnRoute,
  timeAtStop,
  type Journey,
  type StopsOnRoute,
} from '~/lib/journey';
import { loadOffering } from '~/lib/load-offering';
import { datesWord } from '~/lib/offering-words';
import { serverApi } from '~/trpc/server';

interface Props {
  params: Promise<{ slug: string; occurrenceId: string }>;
  /** Trips: the boarding and alighting stops chosen in the trip search. */
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const offering = await loadOffering((await params).slug);
  return { title: offering ? `Book ${offering.name}` : 'Not found' };
}

export default async function DatePage({ params, searchParams }: Props) {
  const { slug, occurrenceId } = await params;
  const search = await searchParams;
  if (!z.uuid().safeParse(occurrenceId).success) notFound();
  const offering = await loadOffering(slug);
  if (!offering) notFound();
  const words = datesWord[offering.kind];
  const stops = stopsOnRoute(offering.stops, one(search.from), one(search.to));
  if (stops === 'invalid') {
    return (
      <>
        <PageHeader title={offering.name} />
        <Alert tone="error" title="This departure does not serve these stops">
          <Link href="/" className="underline">
            Search trips again
          </Link>{' '}
          to choose where you board and alight.
        </Alert>
      </>
    );
  }
  const journey: Journey | undefined = stops
    ? {
        originStopId: stops.origin.id,
        destinationStopId: stops.destination.id,
        label: `${stops.origin.name} → ${stops.destination.name}`,
      }
    : undefined;
  const api = await serverApi();
  const [{ items, timeZone }, availability] = await Promise.all([
    // No procedure returns one date by id: find it among the offering's listed dates.
    api.catalog.occurrences({ offeringId: offering.id }),
    // Rendered with the page, so the seats are in the first paint (LCP) instead of waiting
    // on a fetch from the browser; on failure the browser asks again and shows the error.
    api.availability.occurrence(availabilityInput(occurrenceId, journey)).catch(() => undefined),
  ]);
  const date = items.find((item) => item.id === occurrenceId);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${offering.slug}`} className="font-medium text-brand-700 underline">
          ← All {words.plural.toLowerCase()} of {offering.name}
        </Link>
      </p>
      <PageHeader
        title={offering.name}
        description={
          date && stops ? (
            <JourneyTimes startsAt={date.startsAt} stops={stops} />
          ) : date ? (
            <time dateTime={date.startsAt.toISOString()}>
              {formatDateTime(date.startsAt, timeZone)}
            </time>
          ) : (
            `This ${words.singular} is not on sale.`
          )
        }
      />
      {date ? <LiveAvailability occurrenceId={occurrenceId} journey={journey} /> : null}
      {date ? (
        <DateBooking
          occurrenceId={occurrenceId}
          initialAvailability={availability}
          journey={journey}
          offering={{
            slug: offering.slug,
            maxPerOrder: offering.maxPerOrder,
            ticketTypes: offering.ticketTypes.map(
              ({ id, description, minPerOrder, maxPerOrder }) => ({
                id,
                description,
                minPerOrder,
                maxPerOrder,
              }),
            ),
          }}
        />
      ) : (
        <Link href={`/o/${offering.slug}`} className="text-brand-700 underline">
          See the other {words.plural.toLowerCase()}
        </Link>
      )}
    </>
  );
}

/** "Setif, departs … → Bejaia, arrives …", each time in its stop's zone. */
function JourneyTimes({ startsAt, stops }: { startsAt: Date; stops: StopsOnRoute }) {
  const departs = timeAtStop(startsAt, stops.origin, true);
  const arrives = timeAtStop(startsAt, stops.destination, false);
  return (
    <span data-testid="journey">
      {stops.origin.name}, departs{' '}
      <time dateTime={departs.toISOString()}>{formatDateTime(departs, stops.origin.timeZone)}</time>{' '}
      → {stops.destination.name}, arrives{' '}
      <time dateTime={arrives.toISOString()}>
        {formatDateTime(arrives, stops.destination.timeZone)}
      </time>
    </span>
  );
}
