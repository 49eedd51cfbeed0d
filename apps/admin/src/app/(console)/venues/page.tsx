import { Card, PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import { catalogAccess } from '~/lib/catalog-access';
import { EditToggle } from '~/components/edit-toggle';
import { VenueForm } from './venue-form';

export const metadata: Metadata = { title: 'Venues' };

/** The org's venues with their time zones; owners and managers add and edit them. */
export default async function VenuesPage() {
  const access = await catalogAccess();
  if ('denied' in access) return access.denied;
  const venues = await access.api.staff.catalog.venues();
  return (
    <>
      <PageHeader title="Venues" description="Where events take place; each has its time zone." />
      {venues.length === 0 ? (
        <p className="mb-8 text-slate-700">No venue yet.</p>
      ) : (
        <ul className="mb-8 flex flex-col gap-2" aria-label="Venues">
          {venues.map((venue) => (
            <li key={venue.id}>
              <Card className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <div className="grow">
                  <p className="font-medium text-slate-900">{venue.name}</p>
                  <p className="text-sm text-slate-700">
                    {[venue.addressLine, venue.city, venue.country].filter(Boolean).join(', ') ||
                      'No address'}{' '}
                    · {venue.timeZone}
                  </p>
                </div>
                {access.mayWrite ? (
                  <EditToggle label={`Edit venue ${venue.name}`}>
                    <VenueForm venue={venue} />
                  </EditToggle>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {access.mayWrite ? (
        <section aria-labelledby="add-venue">
          <h2 id="add-venue" className="mb-3 text-lg font-semibold text-slate-900">
            Add a venue
          </h2>
          <Card>
            <VenueForm />
          </Card>
        </section>
      ) : null}
    </>
  );
}
