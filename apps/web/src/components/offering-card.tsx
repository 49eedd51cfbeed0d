import type { RouterOutputs } from '@tessera/api';
import { Badge, Card, formatDateTime, formatMoney } from '@tessera/ui';
import Link from 'next/link';

export type OfferingSummary = RouterOutputs['catalog']['offerings']['items'][number];
export type OfferingKind = OfferingSummary['kind'];

/** Customer words for a date of each kind ("occurrence" is an internal word). */
const nextDateLabel: Record<OfferingKind, string> = {
  trip: 'Next departure',
  event: 'Next date',
  appointment: 'Next available time',
};

const noDateText: Record<OfferingKind, string> = {
  trip: 'No departures on sale right now',
  event: 'No dates on sale right now',
  appointment: 'No times open right now',
};

export function OfferingCard({ offering }: { offering: OfferingSummary }) {
  const { venue, nextOccurrence, fromPrice } = offering;
  return (
    <Card className="relative flex h-full flex-col gap-3">
      <div>
        <p className="text-sm text-slate-600">{offering.org.name}</p>
        <h3 className="text-lg font-semibold text-slate-900">
          {/* The whole card is clickable through the link's stretched ::after. */}
          <Link
            href={`/o/${offering.slug}`}
            className="rounded after:absolute after:inset-0 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {offering.name}
          </Link>
        </h3>
        {venue ? (
          <p className="text-sm text-slate-700">
            {venue.name}
            {venue.city ? `, ${venue.city}` : null}
          </p>
        ) : null}
      </div>
      {offering.description ? (
        <p className="line-clamp-3 text-sm text-slate-700">{offering.description}</p>
      ) : null}
      <dl className="mt-auto grid gap-1 text-sm">
        <div>
          <dt className="font-medium text-slate-900">{nextDateLabel[offering.kind]}</dt>
          <dd className="text-slate-700">
            {nextOccurrence ? (
              <time dateTime={nextOccurrence.startsAt.toISOString()}>
                {formatDateTime(nextOccurrence.startsAt, offering.timeZone)}
              </time>
            ) : (
              noDateText[offering.kind]
            )}
          </dd>
        </div>
        {fromPrice ? (
          <div className="flex items-center gap-2">
            <dt className="sr-only">Price</dt>
            <dd>
              <Badge tone="brand">from {formatMoney(fromPrice)}</Badge>
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
