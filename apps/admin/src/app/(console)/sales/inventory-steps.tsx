import { Card, formatDateTime } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { kindLabel } from '~/lib/labels';
import { param, type SearchParams } from '~/lib/search-params';
import type { serverApi } from '~/trpc/server';
import type { SaleTarget } from './inventory-choice';

type ServerApi = Awaited<ReturnType<typeof serverApi>>;

const WEEK_MS = 7 * 86_400_000;
const linkClass = 'font-medium text-brand-800 underline';

/** Where the walk stands: a step to show (offering or date list), or what is on sale. */
export type InventoryStep =
  { target: null; view: ReactNode } | { target: SaleTarget; heading: string; back: ReactNode };

/**
 * Offering -> date -> places, each step a link under `basePath` (so the back button works),
 * shared by sales and quotes. Appointments list the next 7 days' free slots.
 */
export async function inventoryStep(
  api: ServerApi,
  params: SearchParams,
  basePath: string,
): Promise<InventoryStep> {
  const offeringId = param(params, 'offering');
  const occurrenceId = param(params, 'occurrence');
  if (!offeringId) {
    const offerings = (await api.staff.catalog.offerings()).filter(
      (offering) => offering.status === 'published',
    );
    return {
      target: null,
      view: (
        <>
          <h2 className="mb-3 text-lg font-semibold">1. What does the customer want?</h2>
          <ul className="grid gap-3 sm:grid-cols-2" aria-label="Offerings on sale">
            {offerings.map((offering) => (
              <li key={offering.id}>
                <Card>
                  <Link href={`${basePath}?offering=${offering.id}`} className={linkClass}>
                    {offering.name}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {kindLabel[offering.kind]}
                    {offering.venueName ? ` · ${offering.venueName}` : ''}
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        </>
      ),
    };
  }

  const offering = await api.staff.catalog.offering({ offeringId }).catch(notFoundOnRefusal);
  const now = new Date();
  const toOfferings = (
    <Link href={basePath} className={linkClass}>
      Another offering
    </Link>
  );
  if (offering.kind === 'appointment') {
    const { slots, timeZone } = await api.availability.slots({
      offeringId,
      from: now,
      to: new Date(now.getTime() + WEEK_MS),
    });
    return {
      target: {
        kind: 'slots',
        offeringId,
        currency: offering.currency,
        price: offering.ticketTypes[0]?.priceAmount ?? null,
        timeZone,
        slots: slots.map((slot) => ({
          start: slot.start.toISOString(),
          resourceId: slot.resourceId,
        })),
      },
      heading: `2. ${offering.name}: the time`,
      back: toOfferings,
    };
  }

  const dates = offering.occurrences
    .filter((occurrence) => occurrence.status === 'scheduled' && occurrence.startsAt > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const date = dates.find((occurrence) => occurrence.id === occurrenceId);
  if (!date) {
    if (occurrenceId) notFound();
    return {
      target: null,
      view: (
        <>
          <p className="mb-4">{toOfferings}</p>
          <h2 className="mb-3 text-lg font-semibold">2. {offering.name}: which date?</h2>
          {dates.length === 0 ? <p className="text-slate-700">No dates to come.</p> : null}
          <ul className="grid gap-2 sm:grid-cols-2" aria-label="Dates">
            {dates.slice(0, 60).map((occurrence) => (
              <li key={occurrence.id}>
                <Link
                  href={`${basePath}?offering=${offeringId}&occurrence=${occurrence.id}`}
                  className={linkClass}
                >
                  {formatDateTime(occurrence.startsAt, offering.timeZone)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ),
    };
  }

  const availability = await api.availability.occurrence({ occurrenceId: date.id });
  return {
    target: {
      kind: 'occurrence',
      occurrenceId: date.id,
      currency: availability.currency,
      seats: availability.seats ?? null,
      ticketTypes: availability.ticketTypes,
    },
    heading: `3. ${offering.name}, ${formatDateTime(date.startsAt, offering.timeZone)}: ${availability.remaining} places left`,
    back: (
      <Link href={`${basePath}?offering=${offeringId}`} className={linkClass}>
        Another date
      </Link>
    ),
  };
}

/** Another org's offering, or none: the same answer. */
function notFoundOnRefusal(error: unknown): never {
  if (error instanceof TRPCError && ['NOT_FOUND', 'BAD_REQUEST'].includes(error.code)) notFound();
  throw error;
}
