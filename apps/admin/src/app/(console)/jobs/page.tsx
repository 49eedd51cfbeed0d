import { isRole, roleCan } from '@tessera/api/domain/access/permissions';
import { Alert, PageHeader, formatDateTime } from '@tessera/ui';
import type { Metadata } from 'next';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';
import { RowAction } from '~/components/row-action';
import { retryJob } from './actions';

export const metadata: Metadata = { title: 'Failed jobs' };

const queueLabel: Record<string, string> = {
  notifications: 'Emails',
  'domain-events': 'Events',
  maintenance: 'Maintenance',
  waitlist: 'Waiting lists',
  'webhook-events': 'Webhooks (fan-out)',
  'webhook-deliveries': 'Webhook deliveries',
};

/** The dead letter: background jobs of the org that failed for good, with a way to rerun them. */
export default async function FailedJobsPage() {
  await requireSession();
  const api = await serverApi();
  const [org] = await api.staff.orgs();
  if (!org || !isRole(org.role) || !roleCan(org.role, 'jobs:manage')) {
    return (
      <Alert tone="warning" title="Not available to your role">
        Only owners and managers see failed background jobs.
      </Alert>
    );
  }
  const jobs = await api.staff.jobs.failed({ limit: 100 });

  return (
    <>
      <PageHeader
        title="Failed jobs"
        description="Background work (emails, waiting-list offers, webhooks) that failed after all its attempts. Fix the cause, then retry. Times in UTC."
      />
      {jobs.length === 0 ? (
        <p className="text-slate-700">Nothing has failed. Every job ran.</p>
      ) : (
        <div
          role="region"
          aria-labelledby="failed-jobs-caption"
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <table className="w-full min-w-[56rem] text-left text-sm">
            <caption id="failed-jobs-caption" className="sr-only">
              Failed jobs, most recent first
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Failed at
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Job
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Why it failed
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Attempts
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {jobs.map((job) => (
                <tr key={`${job.queue}/${job.id}`}>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {job.failedAt ? (
                      <time dateTime={job.failedAt.toISOString()}>
                        {formatDateTime(job.failedAt, 'UTC')}
                      </time>
                    ) : (
                      '—'
                    )}
                  </td>
                  <th scope="row" className="px-4 py-3 font-medium text-slate-900">
                    {job.summary}
                    <span className="block text-xs font-normal text-slate-600">
                      {queueLabel[job.queue] ?? job.queue} · {job.id}
                    </span>
                  </th>
                  <td className="max-w-md px-4 py-3 break-words text-slate-800">
                    {job.failedReason}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {job.attemptsMade} of {job.maxAttempts}
                  </td>
                  <td className="px-4 py-3">
                    <RowAction
                      action={retryJob}
                      fields={{ queue: job.queue, jobId: job.id }}
                      label="Retry"
                      accessibleLabel={`Retry ${job.summary}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
