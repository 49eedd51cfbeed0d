import { Card, PageHeader, formatTime } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { catalogAccess } from '~/lib/catalog-access';
import { ResourceForm } from '../resource-form';
import { HoursForm } from './hours-form';

export const metadata: Metadata = { title: 'Resource hours' };

/** A resource's opening over the next two weeks, as slots are cut from it, and its hours form. */
export default async function ResourcePage({
  params,
}: {
  params: Promise<{ resourceId: string }>;
}) {
  const access = await catalogAccess();
  if ('denied' in access) return access.denied;
  const { resourceId } = await params;
  const resource = (await access.api.staff.catalog.resources()).find((r) => r.id === resourceId);
  if (!resource) notFound();
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: resource.timeZone }).format(
    new Date(),
  );
  let preview;
  try {
    preview = await access.api.staff.catalog.previewResourceHours({
      resourceId,
      from: today,
      days: 14,
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title={resource.name}
        description={`${resource.kind} · times in ${resource.timeZone}`}
      />
      <section aria-labelledby="opening" className="flex flex-col gap-3">
        <h2 id="opening" className="text-lg font-semibold text-slate-900">
          Open in the next 14 days
        </h2>
        <Card>
          <ul className="flex flex-col gap-1 text-sm text-slate-800" aria-label="Opening by day">
            {preview.days.map((day) => (
              <li key={day.date}>
                {day.date}:{' '}
                {day.open.length
                  ? day.open
                      .map(
                        (interval) =>
                          `${formatTime(interval.start, preview.timeZone)}–${formatTime(interval.end, preview.timeZone)}`,
                      )
                      .join(', ')
                  : 'closed'}
              </li>
            ))}
          </ul>
        </Card>
      </section>
      {access.mayWrite ? (
        <section aria-labelledby="details" className="flex flex-col gap-3">
          <h2 id="details" className="text-lg font-semibold text-slate-900">
            Name, kind and time zone
          </h2>
          <Card>
            <ResourceForm resource={resource} />
          </Card>
        </section>
      ) : null}
      {access.mayWrite ? (
        <section aria-labelledby="hours" className="flex flex-col gap-3">
          <h2 id="hours" className="text-lg font-semibold text-slate-900">
            Set the hours (replaces the current ones)
          </h2>
          <Card>
            <HoursForm resourceId={resourceId} />
          </Card>
        </section>
      ) : null}
    </div>
  );
}
