import { Badge, Card, PageHeader, buttonClasses, formatDateTime, formatMoney } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppointmentPicker } from '~/components/appointment-picker';
import { currentMonth } from '~/lib/calendar-dates';
import { loadOffering } from '~/lib/load-offering';
import { datesWord } from '~/lib/offering-words';
import { serverApi } from '~/trpc/server';

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const offering = await loadOffering((await params).slug);
  return { title: offering?.name ?? 'Not found' };
}

const LOW_STOCK = 10;

/** No cut-off means until the start: the API's cancellation quote counts it as 0 hours. */
function cancellationText(cutoffHours: number): string {
  if (cutoffHours === 0) return 'Free cancellation online until the start.';
  return `Free cancellation online until ${cutoffHours} ${cutoffHours === 1 ? 'hour' : 'hours'} before the start.`;
}

export default async function OfferingPage({ params }: Props) {
  const { slug } = await params;
  const offering = await loadOffering(slug);
  if (!offering) notFound();
  const api = await serverApi();
  const { items, timeZone } = await api.catalog.occurrences({ offeringId: offering.id });
  const words = datesWord[offering.kind];
  const { venue, cancellationPolicy } = offering;

  return (
    <>
      <PageHeader
        title={offering.name}
        description={
          <Link href={`/orgs/${offering.org.slug}`} className="underline">
            {offering.org.name}
          </Link>
        }
      />
      <div className="grid gap-8 lg:grid-cols-3">
        <div className="flex flex-col gap-4 lg:col-span-1">
          {offering.description ? <p className="text-slate-800">{offering.description}</p> : null}
          {venue ? (
            <div>
              <h2 className="font-semibold text-slate-900">Where</h2>
              <p className="text-slate-700">
                {venue.name}
                {venue.addressLine ? <>, {venue.addressLine}</> : null}
                {venue.city ? <>, {venue.city}</> : null}
              </p>
              <p className="text-sm text-slate-600">Times are shown in {timeZone}.</p>
            </div>
          ) : (
            <p className="text-sm text-slate-600">Times are shown in {timeZone}.</p>
          )}
          <div>
            <h2 className="font-semibold text-slate-900">Cancellation</h2>
            <p className="text-slate-700">
              {cancellationText(cancellationPolicy?.cutoffHours ?? 0)}
            </p>
          </div>
        </div>
        {offering.kind === 'appointment' ? (
          <section aria-labelledby="dates-heading" className="lg:col-span-2">
            <h2 id="dates-heading" className="mb-3 text-xl font-semibold text-slate-900">
              Choose a time
            </h2>
            <AppointmentPicker
              offering={{
                id: offering.id,
                slug: offering.slug,
                resources: offering.resources.map(({ id, name }) => ({ id, name })),
              }}
              initialMonth={currentMonth(timeZone)}
            />
          </section>
        ) : (
          <section aria-labelledby="dates-heading" className="lg:col-span-2">
            <h2 id="dates-heading" className="mb-3 text-xl font-semibold text-slate-900">
              {words.plural}
            </h2>
            {items.length === 0 ? (
              <p className="text-slate-700">No {words.plural.toLowerCase()} on sale right now.</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {items.map((item) => {
                  const when = formatDateTime(item.startsAt, timeZone);
                  const bookable =
                    item.status === 'scheduled' && item.salesOpen && item.remaining > 0;
                  return (
                    <li key={item.id}>
                      <Card className="flex flex-wrap items-center justify-between gap-3 p-4">
                        <div className="flex flex-col gap-1">
                          <time
                            className="font-medium text-slate-900"
                            dateTime={item.startsAt.toISOString()}
                          >
                            {when}
                          </time>
                          <div className="flex flex-wrap gap-2 text-sm">
                            {item.status === 'cancelled' ? (
                              <Badge tone="danger">Cancelled</Badge>
                            ) : item.remaining === 0 ? (
                              <Badge tone="danger">Sold out</Badge>
                            ) : item.remaining <= LOW_STOCK ? (
                              <Badge tone="warning">Only {item.remaining} left</Badge>
                            ) : (
                              <Badge tone="success">{item.remaining} available</Badge>
                            )}
                            {!item.salesOpen && item.status === 'scheduled' ? (
                              <Badge>Not on sale yet</Badge>
                            ) : null}
                            {item.fromPrice ? (
                              <Badge tone="brand">from {formatMoney(item.fromPrice)}</Badge>
                            ) : null}
                          </div>
                        </div>
                        {bookable ? (
                          <Link
                            href={`/o/${offering.slug}/${item.id}`}
                            className={buttonClasses({ size: 'sm' })}
                            aria-label={`Choose ${when}`}
                          >
                            Choose
                          </Link>
                        ) : item.status === 'scheduled' && item.salesOpen ? (
                          <Link
                            href={`/o/${offering.slug}/${item.id}`}
                            className={buttonClasses({ variant: 'secondary', size: 'sm' })}
                            aria-label={`Join the waiting list for ${when}`}
                          >
                            Join the waiting list
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
      </div>
    </>
  );
}
