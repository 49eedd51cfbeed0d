import { Badge, Card, PageHeader, buttonClasses } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { catalogAccess } from '~/lib/catalog-access';

export const metadata: Metadata = { title: 'Catalog' };

const KIND = { event: 'Event', trip: 'Trip', appointment: 'Appointment' } as const;
const STATUS_TONE = { draft: 'neutral', published: 'success', archived: 'warning' } as const;

/** Every offering of the org, drafts and archived ones included. */
export default async function CatalogPage() {
  const access = await catalogAccess();
  if ('denied' in access) return access.denied;
  const offerings = await access.api.staff.catalog.offerings();
  return (
    <>
      <PageHeader title="Catalog" description="Events, trips and appointments, with their dates." />
      {access.mayWrite ? (
        <p className="mb-6">
          <Link href="/catalog/new" className={buttonClasses({})}>
            New offering
          </Link>
        </p>
      ) : null}
      {offerings.length === 0 ? (
        <p className="text-slate-700">No offering yet.</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Offerings">
          {offerings.map((offering) => (
            <li key={offering.id}>
              <Card>
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <div>
                    <Link
                      href={`/catalog/${offering.id}`}
                      className="font-medium text-brand-800 underline"
                    >
                      {offering.name}
                    </Link>
                    <p className="text-sm text-slate-700">
                      {KIND[offering.kind]} · {offering.venueName ?? 'No venue'} ·{' '}
                      {offering.upcomingOccurrences} upcoming dates
                    </p>
                  </div>
                  <Badge tone={STATUS_TONE[offering.status]}>{offering.status}</Badge>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
