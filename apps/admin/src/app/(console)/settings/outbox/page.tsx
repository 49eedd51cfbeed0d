import { OutboxListInput } from '@tessera/api/domain/outbound-messages/schemas';
import { Badge, Button, Input, PageHeader, formatDateTime } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterSelect } from '~/components/filter-select';
import { accessFor } from '~/lib/access';
import { loadFilteredList } from '~/lib/filtered-list';
import type { SearchParams } from '~/lib/search-params';
import { PagedTable } from '~/components/paged-table';
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
      <PagedTable
        id="outbox"
        caption="Messages, newest first"
        columns={[
          { label: 'Subject' },
          { label: 'To' },
          { label: 'Kind' },
          { label: 'Status' },
          { label: 'Attempts', align: 'right' },
          { label: 'Created / sent' },
        ]}
        rowCount={page ? page.items.length : null}
        error={error}
        empty="No message matches."
        nextHref={nextQuery ? `/settings/outbox?${nextQuery}` : null}
        minWidthClass="min-w-[48rem]"
      >
        {page
          ? page.items.map((message) => {
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
            })
          : null}
      </PagedTable>
    </>
  );
}
