import { Card, PageHeader } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { catalogAccess } from '~/lib/catalog-access';
import { ResourceForm } from './resource-form';

export const metadata: Metadata = { title: 'Resources' };

/** Rooms, courts, practitioners and vehicles that appointments are booked on. */
export default async function ResourcesPage() {
  const access = await catalogAccess();
  if ('denied' in access) return access.denied;
  const resources = await access.api.staff.catalog.resources();
  return (
    <>
      <PageHeader
        title="Resources"
        description="What appointments are booked on, with opening hours."
      />
      {resources.length === 0 ? (
        <p className="mb-8 text-slate-700">No resource yet.</p>
      ) : (
        <ul className="mb-8 flex flex-col gap-2" aria-label="Resources">
          {resources.map((resource) => (
            <li key={resource.id}>
              <Card>
                <Link
                  href={`/resources/${resource.id}`}
                  className="font-medium text-brand-800 underline"
                >
                  {resource.name}
                </Link>
                <p className="text-sm text-slate-700">
                  {resource.kind} · {resource.timeZone}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {access.mayWrite ? (
        <section aria-labelledby="add-resource">
          <h2 id="add-resource" className="mb-3 text-lg font-semibold text-slate-900">
            Add a resource
          </h2>
          <Card>
            <ResourceForm />
          </Card>
        </section>
      ) : null}
    </>
  );
}
