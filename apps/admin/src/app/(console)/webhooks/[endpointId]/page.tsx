import { isRole, roleCan } from '@tessera/api/domain/access/permissions';
import { Alert, Badge, PageHeader, formatDateTime, type BadgeTone } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RowAction } from '~/components/row-action';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';
import { retryDelivery } from '../actions';

export const metadata: Metadata = { title: 'Webhook deliveries' };

const statusBadge: Record<string, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Sending', tone: 'brand' },
  succeeded: { label: 'Delivered', tone: 'success' },
  failed: { label: 'Failed, will retry', tone: 'warning' },
  dead: { label: 'Gave up', tone: 'danger' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One endpoint's delivery log, newest first, each delivery with its attempts. */
export default async function WebhookDeliveriesPage({
  params,
}: {
  params: Promise<{ endpointId: string }>;
}) {
  await requireSession();
  const { endpointId } = await params;
  if (!UUID.test(endpointId)) notFound();
  const api = await serverApi();
  const [org] = await api.staff.orgs();
  const role = org && isRole(org.role) ? org.role : null;
  if (!role || !roleCan(role, 'webhooks:read')) {
    return (
      <Alert tone="warning" title="Not available to your role">
        Only owners, managers and auditors see webhook deliveries.
      </Alert>
    );
  }
  const endpoint = (await api.staff.webhooks.endpoints()).find((one) => one.id === endpointId);
  if (!endpoint) notFound();
  const deliveries = await api.staff.webhooks.deliveries({ endpointId, limit: 100 });
  const mayRetry = roleCan(role, 'webhooks:write');

  return (
    <>
      <PageHeader
        title="Webhook deliveries"
        description={`To ${endpoint.url}, newest first. Times in UTC.`}
      />
      <p className="mb-4">
        <Link href="/webhooks" className="text-sm font-medium text-brand-800 underline">
          Back to endpoints
        </Link>
      </p>
      {deliveries.length === 0 ? (
        <p className="text-slate-700">Nothing was sent to this endpoint yet.</p>
      ) : (
        <div
          role="region"
          aria-labelledby="deliveries-caption"
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <table className="w-full min-w-[52rem] text-left text-sm">
            <caption id="deliveries-caption" className="sr-only">
              Deliveries, newest first
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Event
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Attempts (answer, time)
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deliveries.map((delivery) => {
                const status = statusBadge[delivery.status] ?? {
                  label: delivery.status,
                  tone: 'neutral' as const,
                };
                return (
                  <tr key={delivery.id}>
                    <th scope="row" className="px-4 py-3 align-top font-medium text-slate-900">
                      {delivery.eventType}
                      <span className="block font-mono text-xs font-normal text-slate-600">
                        {delivery.id}
                      </span>
                    </th>
                    <td className="px-4 py-3 align-top">
                      <Badge tone={status.tone}>{status.label}</Badge>
                      {delivery.nextAttemptAt && delivery.status === 'failed' ? (
                        <span className="block text-xs text-slate-600">
                          next at {formatDateTime(delivery.nextAttemptAt, 'UTC')}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-4 py-3 align-top">
                      <ol className="flex flex-col gap-1">
                        {delivery.attemptLog.map((attempt) => (
                          <li key={attempt.attemptNo}>
                            #{attempt.attemptNo}:{' '}
                            {attempt.responseStatus !== null
                              ? `HTTP ${attempt.responseStatus}`
                              : `no answer (${attempt.error ?? 'unknown'})`}
                            , {formatDateTime(attempt.attemptedAt, 'UTC')}
                            {attempt.responseBody ? (
                              <span className="block max-w-md truncate text-xs text-slate-600">
                                {attempt.responseBody}
                              </span>
                            ) : null}
                          </li>
                        ))}
                      </ol>
                    </td>
                    <td className="px-4 py-3 align-top">
                      {mayRetry && (delivery.status === 'failed' || delivery.status === 'dead') ? (
                        <RowAction
                          action={retryDelivery}
                          fields={{ deliveryId: delivery.id, endpointId }}
                          label="Retry now"
                          accessibleLabel={`Retry delivery ${delivery.id}`}
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
