import { PageHeader } from '@tessera/ui';
import { OfferingsByKind } from '~/components/offerings-by-kind';
import { TripSearchForm } from '~/components/trip-search-form';
import { serverApi } from '~/trpc/server';

export default async function HomePage() {
  const api = await serverApi();
  const { items } = await api.catalog.offerings({ limit: 50 });

  return (
    <>
      <PageHeader
        title="Find your next booking"
        description="Trips, events and bookable times from Tessera operators. Times are shown where they happen."
      />
      <section aria-label="Trip search" className="mb-10">
        <TripSearchForm />
      </section>
      {items.length === 0 ? (
        <p className="text-slate-700">Nothing is on sale right now. Please check back soon.</p>
      ) : null}
      <OfferingsByKind items={items} />
    </>
  );
}
