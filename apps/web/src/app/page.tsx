import { PageHeader } from '@tessera/ui';
import { OfferingCard, type OfferingKind, type OfferingSummary } from '~/components/offering-card';
import { serverApi } from '~/trpc/server';

const sections: { kind: OfferingKind; title: string; intro: string }[] = [
  { kind: 'trip', title: 'Trips', intro: 'Seats on scheduled departures.' },
  { kind: 'event', title: 'Events', intro: 'Tickets to concerts and shows.' },
  { kind: 'appointment', title: 'Book a time', intro: 'Courts, rooms and appointments.' },
];

export default async function HomePage() {
  const api = await serverApi();
  const { items } = await api.catalog.offerings({ limit: 50 });
  const byKind = new Map<OfferingKind, OfferingSummary[]>();
  for (const offering of items) {
    byKind.set(offering.kind, [...(byKind.get(offering.kind) ?? []), offering]);
  }

  return (
    <>
      <PageHeader
        title="Find your next booking"
        description="Trips, events and bookable times from Tessera operators. Times are shown where they happen."
      />
      {items.length === 0 ? (
        <p className="text-slate-700">Nothing is on sale right now. Please check back soon.</p>
      ) : null}
      <div className="flex flex-col gap-10">
        {sections.map(({ kind, title, intro }) => {
          const offerings = byKind.get(kind) ?? [];
          if (offerings.length === 0) return null;
          const headingId = `section-${kind}`;
          return (
            <section key={kind} aria-labelledby={headingId}>
              <h2 id={headingId} className="text-xl font-semibold text-slate-900">
                {title}
              </h2>
              <p className="mb-4 text-slate-600">{intro}</p>
              <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {offerings.map((offering) => (
                  <li key={offering.id}>
                    <OfferingCard offering={offering} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </>
  );
}
