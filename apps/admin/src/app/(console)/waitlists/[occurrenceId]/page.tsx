import { isRole, roleCan } from '@tessera/api/domain/access/permissions';
import { Alert, Badge, PageHeader, formatDateTime } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RowAction } from '~/components/row-action';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';
import { offerNow } from '../actions';
import { entryStatus, offerState } from '../labels';

export const metadata: Metadata = { title: 'Waiting list' };

/** One date's waiting list in join order, each entry's offer and its state, and "Offer now". */
export default async function WaitlistPage({
  params,
}: {
  params: Promise<{ occurrenceId: string }>;
}) {
  await requireSession();
  const { occurrenceId } = await params;
  const api = await serverApi();
  const [org] = await api.staff.orgs();
  const maySell = Boolean(org && isRole(org.role) && roleCan(org.role, 'bookings:write'));
  let occurrence;
  let entries;
  try {
    [occurrence, entries] = await Promise.all([
      api.staff.checkIn.occurrence({ occurrenceId }),
      api.staff.waitlist.entries({ occurrenceId }),
    ]);
  } catch (error) {
    // Another org's date, or no date at all: the same answer.
    if (error instanceof TRPCError && ['NOT_FOUND', 'BAD_REQUEST'].includes(error.code)) notFound();
    throw error;
  }
  const when = formatDateTime(occurrence.startsAt, occurrence.timeZone);

  return (
    <>
      <PageHeader
        title={`Waiting list: ${occurrence.offeringName}`}
        description={`${when}. Places that come free are offered in join order; an offer holds them for a while, then passes to the next person.`}
      />
      {entries.length === 0 ? (
        <p className="text-slate-700">Nobody is waiting for this date.</p>
      ) : (
        <div
          role="region"
          aria-labelledby="waitlist-caption"
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <table className="w-full min-w-[56rem] text-left text-sm">
            <caption id="waitlist-caption" className="sr-only">
              Waiting list in join order
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Email
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Places
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Joined
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Offer
                </th>
                {maySell ? (
                  <th scope="col" className="px-4 py-3 font-semibold">
                    <span className="sr-only">Action</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {entries.map((entry) => {
                const status = entryStatus[entry.status] ?? {
                  label: entry.status,
                  tone: 'neutral' as const,
                };
                return (
                  <tr key={entry.id}>
                    <th scope="row" className="px-4 py-3 font-medium text-slate-900">
                      {entry.email}
                      {entry.name ? (
                        <span className="block text-xs font-normal text-slate-600">
                          {entry.name}
                        </span>
                      ) : null}
                    </th>
                    <td className="px-4 py-3 text-right tabular-nums">{entry.quantity}</td>
                    <td className="px-4 py-3">
                      <Badge tone={status.tone}>{status.label}</Badge>
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap">
                      <time dateTime={entry.joinedAt.toISOString()}>
                        {formatDateTime(entry.joinedAt, occurrence.timeZone)}
                      </time>
                    </td>
                    <td className="px-4 py-3">
                      {entry.offer ? (
                        <>
                          <span className="font-medium">
                            {offerState[entry.offer.holdStatus] ?? entry.offer.holdStatus}
                          </span>
                          <span className="block text-xs text-slate-600">
                            Offered {formatDateTime(entry.offer.offeredAt, occurrence.timeZone)}
                            {entry.offer.holdStatus === 'active'
                              ? `, holds until ${formatDateTime(entry.offer.expiresAt, occurrence.timeZone)}`
                              : null}
                          </span>
                        </>
                      ) : (
                        <span className="text-slate-600">None yet</span>
                      )}
                    </td>
                    {maySell ? (
                      <td className="px-4 py-3">
                        {entry.status === 'waiting' ? (
                          <RowAction
                            action={offerNow}
                            fields={{ entryId: entry.id }}
                            label="Offer now"
                            accessibleLabel={`Offer now to ${entry.email}`}
                          />
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {!maySell && entries.some((entry) => entry.status === 'waiting') ? (
        <Alert tone="info" title="Read only">
          Your role cannot make offers: ask a manager or an agent.
        </Alert>
      ) : null}
    </>
  );
}
