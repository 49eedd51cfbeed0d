import { Card, Field, PageHeader } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '~/components/action-form';
import { RowAction } from '~/components/row-action';
import { catalogAccess } from '~/lib/catalog-access';
import { removeSection, renameSeatMap } from '../actions';
import { SeatEditor } from './seat-editor';
import { SectionForm } from './section-form';

export const metadata: Metadata = { title: 'Seat map' };

/**
 * One seat map: its sections, the generator for new ones, and the map drawn as customers
 * see it, where staff who edit the catalog choose seats and change them together.
 */
export default async function SeatMapPage({ params }: { params: Promise<{ seatMapId: string }> }) {
  const access = await catalogAccess();
  if ('denied' in access) return access.denied;
  const { seatMapId } = await params;
  const map = await access.api.staff.seatMaps.get({ seatMapId }).catch((error: unknown) => {
    if (error instanceof TRPCError && ['NOT_FOUND', 'BAD_REQUEST'].includes(error.code))
      return null;
    throw error;
  });
  if (!map) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/seat-maps" className="text-brand-800 underline">
          All seat maps
        </Link>
      </p>
      <PageHeader
        title={map.name}
        description={`${map.seats.length} seats · used by ${map.upcomingOccurrences} ${map.upcomingOccurrences === 1 ? 'date' : 'dates'} to come, whose seats follow every change.`}
      />
      <section aria-labelledby="sections" className="mb-8">
        <h2 id="sections" className="mb-3 text-lg font-semibold text-slate-900">
          Sections
        </h2>
        {map.sections.length ? (
          <Card>
            <table className="w-full text-left text-sm text-slate-800">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-3">
                    Section
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Rows
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Seats
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Categories
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Sold · held
                  </th>
                  {access.mayWrite ? (
                    <th scope="col" className="py-2">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {map.sections.map((section) => (
                  <tr key={section.name} className="border-b border-slate-200 last:border-0">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {section.name}
                    </th>
                    <td className="py-2 pr-3">{section.rows}</td>
                    <td className="py-2 pr-3">{section.seats}</td>
                    <td className="py-2 pr-3">{section.categories.join(', ')}</td>
                    <td className="py-2 pr-3">
                      {section.sold} · {section.held}
                    </td>
                    {access.mayWrite ? (
                      <td className="py-2">
                        <RowAction
                          action={removeSection}
                          fields={{ seatMapId: map.id, section: section.name }}
                          label="Remove"
                          accessibleLabel={`Remove section ${section.name}`}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        ) : (
          <p className="text-slate-700">No section yet.</p>
        )}
      </section>
      {access.mayWrite ? (
        <section aria-labelledby="rename" className="mb-8">
          <h2 id="rename" className="mb-3 text-lg font-semibold text-slate-900">
            Name
          </h2>
          <Card>
            <ActionForm action={renameSeatMap} fields={{ seatMapId: map.id }} label="Rename">
              <Field label="Map name" name="name" defaultValue={map.name} required />
            </ActionForm>
          </Card>
        </section>
      ) : null}
      {access.mayWrite ? (
        <section aria-labelledby="add-section" className="mb-8">
          <h2 id="add-section" className="mb-3 text-lg font-semibold text-slate-900">
            Add a section
          </h2>
          <Card>
            <SectionForm seatMapId={map.id} />
          </Card>
        </section>
      ) : null}
      {map.seats.length ? (
        <section aria-labelledby="preview">
          <h2 id="preview" className="mb-3 text-lg font-semibold text-slate-900">
            The map as customers see it
          </h2>
          <SeatEditor seatMapId={map.id} seats={map.seats} mayWrite={access.mayWrite} />
        </section>
      ) : null}
    </>
  );
}
