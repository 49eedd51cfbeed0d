import { PageHeader, formatDateTime } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { DateBooking } from '~/components/date-booking';
import { LiveAvailability } from '~/components/live-availability';
import { loadOffering } from '~/lib/load-offering';
import { datesWord } from '~/lib/offering-words';
import { serverApi } from '~/trpc/server';

interface Props {
  params: Promise<{ slug: string; occurrenceId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const offering = await loadOffering((await params).slug);
  return { title: offering ? `Book ${offering.name}` : 'Not found' };
}

export default async function DatePage({ params }: Props) {
  const { slug, occurrenceId } = await params;
  if (!z.uuid().safeParse(occurrenceId).success) notFound();
  const offering = await loadOffering(slug);
  if (!offering) notFound();
  // No procedure returns one date by id: find it among the offering's listed dates.
  const api = await serverApi();
  const { items, timeZone } = await api.catalog.occurrences({ offeringId: offering.id });
  const date = items.find((item) => item.id === occurrenceId);
  const words = datesWord[offering.kind];

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
          date ? (
            <time dateTime={date.startsAt.toISOString()}>
              {formatDateTime(date.startsAt, timeZone)}
            </time>
          ) : (
            `This ${words.singular} is not on sale.`
          )
        }
      />
      {date ? <LiveAvailability occurrenceId={occurrenceId} /> : null}
      {date ? (
        <DateBooking
          occurrenceId={occurrenceId}
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
