import { OfferingCard, type OfferingKind, type OfferingSummary } from './offering-card';

const sections: { kind: OfferingKind; title: string; intro: string }[] = [
  { kind: 'trip', title: 'Trips', intro: 'Seats on scheduled departures.' },
  { kind: 'event', title: 'Events', intro: 'Tickets to concerts and shows.' },
  { kind: 'appointment', title: 'Book a time', intro: 'Courts, rooms and appointments.' },
];

/** Offerings in sections by kind, each a list of cards; kinds with nothing on sale are left out. */
export function OfferingsByKind({ items }: { items: OfferingSummary[] }) {
  return (
    <div className="flex flex-col gap-10">
      {sections.map(({ kind, title, intro }) => {
        const offerings = items.filter((offering) => offering.kind === kind);
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
  );
}
