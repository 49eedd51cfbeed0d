import { configuredPayments } from '@tessera/api/domain/payments/configured';
import { Card, PageHeader, formatDateTime } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { accessFor } from '~/lib/access';
import { kindLabel } from '~/lib/labels';
import { param, type SearchParams } from '~/lib/search-params';
import { SaleForm, type SaleTarget } from './sale-form';

export const metadata: Metadata = { title: 'New sale' };

const WEEK_MS = 7 * 86_400_000;
const linkClass = 'font-medium text-brand-800 underline';

/**
 * A phone or desk sale in three steps, each a link (so the back button works): the offering,
 * its date, then the places, the customer and the payment. Slots: the next 7 days.
 */
export default async function NewSalePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const access = await accessFor(
    'bookings:sell',
    'Phone and desk sales are for owners, managers and agents.',
  );
  if ('denied' in access) return access.denied;
  const { api } = access;
  const params = await searchParams;
  const offeringId = param(params, 'offering');
  const occurrenceId = param(params, 'occurrence');

  const header = (
    <PageHeader
      title="New sale"
      description="Book for a customer on the phone or at the desk: the booking is sold through staff (agent)."
    />
  );
  if (!offeringId) {
    const offerings = (await api.staff.catalog.offerings()).filter(
      (offering) => offering.status === 'published',
    );
    return (
      <>
        {header}
        <h2 className="mb-3 text-lg font-semibold">1. What does the customer want?</h2>
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="Offerings on sale">
          {offerings.map((offering) => (
            <li key={offering.id}>
              <Card>
                <Link href={`/sales/new?offering=${offering.id}`} className={linkClass}>
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
    );
  }

  const offering = await api.staff.catalog.offering({ offeringId }).catch(notFoundOnRefusal);
  const cardPayments = configuredPayments().provider.name === 'stripe';
  const now = new Date();
  const back = (
    <p className="mb-4">
      <Link href="/sales/new" className={linkClass}>
        Another offering
      </Link>
    </p>
  );

  if (offering.kind === 'appointment') {
    const { slots, timeZone } = await api.availability.slots({
      offeringId,
      from: now,
      to: new Date(now.getTime() + WEEK_MS),
    });
    const target: SaleTarget = {
      kind: 'slots',
      offeringId,
      currency: offering.currency,
      price: offering.ticketTypes[0]?.priceAmount ?? null,
      timeZone,
      slots: slots.map((slot) => ({
        start: slot.start.toISOString(),
        resourceId: slot.resourceId,
      })),
    };
    return (
      <>
        {header}
        {back}
        <h2 className="mb-3 text-lg font-semibold">2. {offering.name}: time, customer, payment</h2>
        <SaleForm target={target} cardPayments={cardPayments} />
      </>
    );
  }

  const dates = offering.occurrences
    .filter((occurrence) => occurrence.status === 'scheduled' && occurrence.startsAt > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const date = dates.find((occurrence) => occurrence.id === occurrenceId);
  if (!date) {
    if (occurrenceId) notFound();
    return (
      <>
        {header}
        {back}
        <h2 className="mb-3 text-lg font-semibold">2. {offering.name}: which date?</h2>
        {dates.length === 0 ? <p className="text-slate-700">No dates to come.</p> : null}
        <ul className="grid gap-2 sm:grid-cols-2" aria-label="Dates">
          {dates.slice(0, 60).map((occurrence) => (
            <li key={occurrence.id}>
              <Link
                href={`/sales/new?offering=${offeringId}&occurrence=${occurrence.id}`}
                className={linkClass}
              >
                {formatDateTime(occurrence.startsAt, offering.timeZone)}
              </Link>
            </li>
          ))}
        </ul>
      </>
    );
  }

  const availability = await api.availability.occurrence({ occurrenceId: date.id });
  const target: SaleTarget = {
    kind: 'occurrence',
    occurrenceId: date.id,
    currency: availability.currency,
    seats: availability.seats ?? null,
    ticketTypes: availability.ticketTypes,
  };
  return (
    <>
      {header}
      <p className="mb-4">
        <Link href={`/sales/new?offering=${offeringId}`} className={linkClass}>
          Another date
        </Link>
      </p>
      <h2 className="mb-3 text-lg font-semibold">
        3. {offering.name}, {formatDateTime(date.startsAt, offering.timeZone)}
      </h2>
      <p className="mb-4 text-sm text-slate-700">{availability.remaining} places left.</p>
      <SaleForm target={target} cardPayments={cardPayments} />
    </>
  );
}

/** Another org's offering, or none: the same answer. */
function notFoundOnRefusal(error: unknown): never {
  if (error instanceof TRPCError && ['NOT_FOUND', 'BAD_REQUEST'].includes(error.code)) notFound();
  throw error;
}
