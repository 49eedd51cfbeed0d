import { Card, PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { RowAction } from '~/components/row-action';
import { catalogAccess } from '~/lib/catalog-access';
import { deleteSeatMap } from './actions';
import { SeatMapForm } from './seat-map-form';

export const metadata: Metadata = { title: 'Seat maps' };

/** The org's seat maps; owners and managers create them and delete those no date uses. */
export default async function SeatMapsPage() {
  const access = await catalogAccess();
  if ('denied' in access) return access.denied;
  const [maps, venues] = await Promise.all([
    access.api.staff.seatMaps.list(),
    access.api.staff.catalog.venues(),
  ]);
  return (
    <>
      <PageHeader
        title="Seat maps"
        description="Reserved seating: sections, rows and seats, with their categories."
      />
      {maps.length === 0 ? (
        <p className="mb-8 text-slate-700">No seat map yet.</p>
      ) : (
        <ul className="mb-8 flex flex-col gap-2" aria-label="Seat maps">
          {maps.map((map) => (
            <li key={map.id}>
              <Card>
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <div>
                    <Link
                      href={`/seat-maps/${map.id}`}
                      className="font-medium text-brand-800 underline"
                    >
                      {map.name}
                    </Link>
                    <p className="text-sm text-slate-700">
                      {map.venueName ?? 'No venue'} · {map.sections} sections · {map.seats} seats ·
                      used by {map.occurrences} {map.occurrences === 1 ? 'date' : 'dates'}
                    </p>
                  </div>
                  {access.mayWrite && map.occurrences === 0 ? (
                    <RowAction
                      action={deleteSeatMap}
                      fields={{ seatMapId: map.id }}
                      label="Delete"
                      accessibleLabel={`Delete ${map.name}`}
                    />
                  ) : null}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {access.mayWrite ? (
        <section aria-labelledby="new-seat-map">
          <h2 id="new-seat-map" className="mb-3 text-lg font-semibold text-slate-900">
            New seat map
          </h2>
          <Card>
            <SeatMapForm venues={venues} />
          </Card>
        </section>
      ) : null}
    </>
  );
}
