import { OutboxListInput } from '@tessera/api/domain/outbound-messages/schemas';
import { Alert, Badge, Button, Input, PageHeader, formatDateTime } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterSelect } from '~/components/filter-select';
import { accessFor } from '~/lib/access';
import { loadFilteredList } from '~/lib/filtered-list';
import type { SearchParams } from '~/lib/search-params';
import { messageStatus } from './message-labels';

export const metadata: Metadata = { title: 'Email outbox' };

/** Every email and text the org's customers and staff were sent, or would have been. */
export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const access = await accessFor('messages:read', 'Your role does not see the email outbox.');
  if ('denied' in access) return access.denied;
  const { filters, page, error, nextQuery } = await loadFilteredList(
    await searchParams,
    ['status', 'recipient'],
    OutboxListInput,
    (input) => access.api.staff.outbox.list(input),
  );

  return (
    <>
      <PageHeader
        title="Email outbox"
        description="What was sent, or would be sent when no mail server is configured. Newest first, times in UTC."
      />
      <form role="search" aria-label="Messages" className="mb-6 grid gap-3 sm:grid-cols-3">
        <label className="text-sm font-medium text-slate-900 sm:col-span-2">
          Recipient
          <Input name="recipient" defaultValue={filters.recipient} className="mt-1" />
        </label>
        <FilterSelect
          label="Status"
          name="status"
          value={filters.status}
          options={Object.entries(messageStatus).map(([value, { label }]) => [value, label])}
        />
        <div className="sm:col-span-3">
          <Button type="submit">Search</Button>
        </div>
      </form>
      {error ? (
        <Alert tone="error" title="These filters cannot be used">
          {error}
        </Alert>
      ) : null}
      {page && page.items.length === 0 ? (
        <p className="text-slate-700">No message matches.</p>
      ) : null}
      {page && page.items.length > 0 ? (
        <div
          role="region"
          aria-labelledby="outbox-caption"
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <table className="w-full min-w-[48rem] text-left text-sm">
            <caption id="outbox-caption" className="sr-only">
              Messages, newest first
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Subject
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  To
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Kind
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Attempts
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Created / sent
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((message) => {
                const status = messageStatus[message.status] ?? {
                  label: message.status,
                  tone: 'neutral' as const,
                };
                return (
                  <tr key={message.id}>
                    <th scope="row" className="px-4 py-3 font-medium">
                      <Link
                        href={`/settings/outbox/${message.id}`}
                        className="text-brand-800 underline"
                      >
                        {message.subject ?? `Text message (${message.channel})`}
                      </Link>
                    </th>
                    <td className="px-4 py-3 break-all">{message.recipient}</td>
                    <td className="px-4 py-3 font-mono text-xs">{message.template}</td>
                    <td className="px-4 py-3">
                      <Badge tone={status.tone}>{status.label}</Badge>
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">{message.attempts}</td>
                    <td className="px-4 py-3">
                      {formatDateTime(message.createdAt, 'UTC')}
                      {message.sentAt ? (
                        <span className="block text-xs text-slate-600">
                          sent {formatDateTime(message.sentAt, 'UTC')}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {nextQuery ? (
        <p className="mt-4">
          <Link
            href={`/settings/outbox?${nextQuery}`}
            className="font-medium text-brand-800 underline"
          >
            Next page
          </Link>
        </p>
      ) : null}
    </>
  );
}
