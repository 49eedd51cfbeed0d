import { isRole, roleCan } from '@tessera/api/domain/access/permissions';
import { AuditLogInput } from '@tessera/api/domain/audit/schemas';
import { Alert, Badge, Button, Input, PageHeader, formatDateTime } from '@tessera/ui';
import type { Metadata } from 'next';
import { FilterSelect } from '~/components/filter-select';
import { loadFilteredList } from '~/lib/filtered-list';
import type { SearchParams } from '~/lib/search-params';
import { PagedTable } from '~/components/paged-table';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';

export const metadata: Metadata = { title: 'Audit log' };

const FILTERS = ['actor', 'entityType', 'from', 'to'] as const;

/** A change as staff read it: `field: value`, values as JSON (strings bare). */
function changeLines(changes: Record<string, unknown>): string[] {
  return Object.entries(changes).map(
    ([field, value]) => `${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
}

/** Every staff and API-key change of the org: who, when (org zone), what and how. */
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSession();
  const api = await serverApi();
  const [org] = await api.staff.orgs();
  if (!org || !isRole(org.role) || !roleCan(org.role, 'audit:read')) {
    return (
      <Alert tone="warning" title="Not available to your role">
        Only owners, managers and auditors read the audit log.
      </Alert>
    );
  }
  const options = await api.staff.audit.filters();
  const { filters, page, error, nextQuery } = await loadFilteredList(
    await searchParams,
    FILTERS,
    AuditLogInput,
    (input) => api.staff.audit.list(input),
  );

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made by staff or with an API key, newest first. Days and times are in your organisation's time zone."
      />
      <form role="search" aria-label="Audit log" className="mb-6 grid gap-3 sm:grid-cols-4">
        <FilterSelect
          label="Who"
          name="actor"
          value={filters.actor}
          anyLabel="Anyone"
          options={options.actors.flatMap((actor) =>
            actor.filter
              ? [
                  [
                    actor.filter,
                    actor.kind === 'apiKey' ? `API key: ${actor.label}` : actor.label,
                  ] as const,
                ]
              : [],
          )}
        />
        <FilterSelect
          label="Entity type"
          name="entityType"
          value={filters.entityType}
          options={options.entityTypes.map((type) => [type, type] as const)}
        />
        <label className="text-sm font-medium text-slate-900">
          From day
          <Input type="date" name="from" defaultValue={filters.from} className="mt-1" />
        </label>
        <label className="text-sm font-medium text-slate-900">
          To day
          <Input type="date" name="to" defaultValue={filters.to} className="mt-1" />
        </label>
        <div className="sm:col-span-4">
          <Button type="submit">Filter</Button>
        </div>
      </form>
      <PagedTable
        id="audit"
        caption="Audit log, newest first"
        columns={[
          { label: 'When' },
          { label: 'Who' },
          { label: 'Action' },
          { label: 'Entity' },
          { label: 'Change' },
        ]}
        rowCount={page ? page.items.length : null}
        error={error}
        empty="No change matches."
        nextHref={nextQuery ? `/audit?${nextQuery}` : null}
        minWidthClass="min-w-[56rem]"
        bodyClassName="align-top"
      >
        {page
          ? page.items.map((entry) => (
              <tr key={entry.id}>
                <td className="px-4 py-3 whitespace-nowrap">
                  <time dateTime={entry.at.toISOString()}>
                    {formatDateTime(entry.at, page.timeZone)}
                  </time>
                </td>
                <td className="px-4 py-3">
                  {entry.actor.label}
                  {entry.actor.kind === 'apiKey' ? (
                    <>
                      {' '}
                      <Badge tone="neutral">API key</Badge>
                    </>
                  ) : null}
                </td>
                <th scope="row" className="px-4 py-3 font-medium text-slate-900">
                  {entry.action}
                </th>
                <td className="px-4 py-3">
                  {entry.entityType}
                  <span className="block font-mono text-xs break-all text-slate-600">
                    {entry.entityId}
                  </span>
                </td>
                <td className="px-4 py-3">
                  <ul className="font-mono text-xs break-all text-slate-700">
                    {changeLines(entry.changes).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))
          : null}
      </PagedTable>
    </>
  );
}
