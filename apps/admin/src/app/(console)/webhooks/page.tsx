import { isRole, roleCan } from '@tessera/api/domain/access/permissions';
import { WEBHOOK_EVENT_TYPES } from '@tessera/api/domain/webhooks/events';
import { Alert, Badge, Card, PageHeader, formatDateTime } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { RowAction } from '~/components/row-action';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';
import { disableEndpoint } from './actions';
import { EndpointForm } from './endpoint-form';

export const metadata: Metadata = { title: 'Webhooks' };

/** The org's webhook endpoints: add one (owners, managers), disable one, open its delivery log. */
export default async function WebhooksPage() {
  await requireSession();
  const api = await serverApi();
  const [org] = await api.staff.orgs();
  const role = org && isRole(org.role) ? org.role : null;
  if (!role || !roleCan(role, 'webhooks:read')) {
    return (
      <Alert tone="warning" title="Not available to your role">
        Only owners, managers and auditors see webhook endpoints.
      </Alert>
    );
  }
  const mayChange = roleCan(role, 'webhooks:write');
  const endpoints = await api.staff.webhooks.endpoints();

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Booking events POSTed to your systems, signed with each endpoint's secret. Times in UTC."
      />
      {endpoints.length === 0 ? (
        <p className="mb-8 text-slate-700">No endpoint yet.</p>
      ) : (
        <ul className="mb-8 flex flex-col gap-3" aria-label="Endpoints">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id}>
              <Card>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-mono text-sm break-all text-slate-900">{endpoint.url}</p>
                    {endpoint.description ? (
                      <p className="text-sm text-slate-700">{endpoint.description}</p>
                    ) : null}
                    <p className="text-sm text-slate-700">
                      {endpoint.eventTypes.length ? endpoint.eventTypes.join(', ') : 'All events'} ·
                      added {formatDateTime(endpoint.createdAt, 'UTC')}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-3">
                    <Badge tone={endpoint.active ? 'success' : 'neutral'}>
                      {endpoint.active ? 'Active' : 'Disabled'}
                    </Badge>
                    <Link
                      href={`/webhooks/${endpoint.id}`}
                      className="text-sm font-medium text-brand-800 underline"
                    >
                      Deliveries<span className="sr-only"> to {endpoint.url}</span>
                    </Link>
                    {mayChange && endpoint.active ? (
                      <RowAction
                        action={disableEndpoint}
                        fields={{ endpointId: endpoint.id }}
                        label="Disable"
                        accessibleLabel={`Disable ${endpoint.url}`}
                      />
                    ) : null}
                  </div>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {mayChange ? (
        <section aria-labelledby="add-endpoint">
          <h2 id="add-endpoint" className="mb-3 text-lg font-semibold text-slate-900">
            Add an endpoint
          </h2>
          <Card>
            <EndpointForm eventTypes={WEBHOOK_EVENT_TYPES} />
          </Card>
        </section>
      ) : null}
    </>
  );
}
