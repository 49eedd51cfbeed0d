import { SearchTripsInput } from '@tessera/api/domain/catalog/trips-schemas';
import { Badge, Card, PageHeader, buttonClasses, formatDateTime, formatMoney } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { TripSearchForm, type TripSearchValues } from '~/components/trip-search-form';
import { errorsByPath } from '~/lib/field-errors';
import { journeySearch } from '~/lib/journey';
import { serverApi } from '~/trpc/server';

export const metadata: Metadata = { title: 'Trips' };

type Search = Partial<Record<keyof TripSearchValues, string | string[]>>;

const one = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? '';

/** "2 h 35 min" */
function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? `${hours} h` : null, rest || !hours ? `${rest} min` : null]
    .filter(Boolean)
    .join(' ');
}

export default async function TripsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const values: TripSearchValues = {
    origin: one(raw.origin),
    destination: one(raw.destination),
    date: one(raw.date),
    passengers: one(raw.passengers) || '1',
  };
  // The API's own schema names the field at fault before anything is searched.
  const parsed = SearchTripsInput.safeParse({ ...values, passengers: Number(values.passengers) });
  const errors = parsed.success ? {} : errorsByPath(parsed.error.issues);
  const api = await serverApi();
  const results = parsed.success ? (await api.catalog.searchTrips(parsed.data)).items : null;
  const passengers = parsed.success ? parsed.data.passengers : 1;

  return (
    <>
      <PageHeader
        title="Trips"
        description="Departure and arrival times are local to each stop, with the zone named."
      />
      <TripSearchForm values={values} errors={errors} />
      {results === null ? null : (
        <section aria-labelledby="results-heading" className="mt-8">
          <h2 id="results-heading" className="mb-3 text-xl font-semibold text-slate-900">
            {results.length === 0
              ? `No departures from ${values.origin} to ${values.destination} on ${values.date}`
              : `${results.length} ${results.length === 1 ? 'departure' : 'departures'} from ${values.origin} to ${values.destination}`}
          </h2>
          {results.length === 0 ? (
            <p className="text-slate-700">Try another date or nearby stops.</p>
          ) : (
            <ul aria-label="Departures" className="flex flex-col gap-3">
              {results.map((trip) => {
                const enough = trip.remaining >= passengers;
                const departs = formatDateTime(trip.origin.departsAt, trip.origin.timeZone);
                return (
                  <li key={trip.occurrenceId}>
                    <Card className="flex flex-wrap items-center justify-between gap-4 p-4">
                      <div className="flex flex-col gap-1">
                        <p className="font-semibold text-slate-900">{trip.offering.name}</p>
                        <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-800">
                          <dt className="font-medium">Departs</dt>
                          <dd>
                            {trip.origin.name},{' '}
                            <time dateTime={trip.origin.departsAt.toISOString()}>{departs}</time>
                          </dd>
                          <dt className="font-medium">Arrives</dt>
                          <dd>
                            {trip.destination.name},{' '}
                            <time dateTime={trip.destination.arrivesAt.toISOString()}>
                              {formatDateTime(
                                trip.destination.arrivesAt,
                                trip.destination.timeZone,
                              )}
                            </time>
                          </dd>
                          <dt className="font-medium">Duration</dt>
                          <dd>{duration(trip.durationMinutes)}</dd>
                        </dl>
                        <div className="flex flex-wrap gap-2 text-sm">
                          <Badge tone={enough ? 'success' : 'danger'}>
                            {trip.remaining === 0
                              ? 'Sold out'
                              : `${trip.remaining} ${trip.remaining === 1 ? 'seat' : 'seats'} left`}
                          </Badge>
                          <Badge tone="brand">{formatMoney(trip.price)} per passenger</Badge>
                          {passengers > 1 ? (
                            <Badge>
                              {formatMoney({
                                amount: trip.price.amount * passengers,
                                currency: trip.price.currency,
                              })}{' '}
                              for {passengers}
                            </Badge>
                          ) : null}
                        </div>
                      </div>
                      {enough ? (
                        <Link
                          href={`/o/${trip.offering.slug}/${trip.occurrenceId}?${journeySearch(trip.origin.stopId, trip.destination.stopId)}`}
                          className={buttonClasses({ size: 'sm' })}
                          aria-label={`Choose seats, departure ${departs}`}
                        >
                          Choose seats
                        </Link>
                      ) : null}
                    </Card>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
