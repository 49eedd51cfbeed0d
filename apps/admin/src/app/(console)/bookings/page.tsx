import { BookingSearchInput } from '@tessera/api/domain/booking-desk/schemas';
import { Badge, Button, Input, PageHeader, formatDateTime, formatMoney } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { bookingStatus, paymentStateLabel } from '~/lib/booking-labels';
import { FilterSelect } from '~/components/filter-select';
import { loadFilteredList } from '~/lib/filtered-list';
import type { SearchParams } from '~/lib/search-params';
import { PagedTable } from '~/components/paged-table';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';

export const metadata: Metadata = { title: 'Bookings' };

const FILTERS = ['query', 'status', 'paymentState', 'occurrenceId', 'from', 'to'] as const;

/** Find bookings by reference, contact or filters; newest first, a page at a time. */
export default async function BookingsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSession();
  const api = await serverApi();
  const { filters, page, error, nextQuery } = await loadFilteredList(
    await searchParams,
    FILTERS,
    BookingSearchInput,
    (input) => api.staff.bookings.search(input),
  );

  return (
    <>
      <PageHeader
        title="Bookings"
        description="Search by reference, email, name or phone. Dates are days in your organisation's time zone."
      />
      <form role="search" aria-label="Bookings" className="mb-6 grid gap-3 sm:grid-cols-3">
        <label className="text-sm font-medium text-slate-900 sm:col-span-3">
          Reference, email, name or phone
          <Input name="query" defaultValue={filters.query} className="mt-1" />
        </label>
        <FilterSelect
          label="Status"
          name="status"
          value={filters.status}
          options={Object.entries(bookingStatus).map(([value, { label }]) => [value, label])}
        />
        <FilterSelect
          label="Payment"
          name="paymentState"
          value={filters.paymentState}
          options={Object.entries(paymentStateLabel)}
        />
        <div className="grid grid-cols-2 gap-3">
          <label className="text-sm font-medium text-slate-900">
            From day
            <Input type="date" name="from" defaultValue={filters.from} className="mt-1" />
          </label>
          <label className="text-sm font-medium text-slate-900">
            To day
            <Input type="date" name="to" defaultValue={filters.to} className="mt-1" />
          </label>
        </div>
        {filters.occurrenceId ? (
          <input type="hidden" name="occurrenceId" value={filters.occurrenceId} />
        ) : null}
        <div className="sm:col-span-3">
          <Button type="submit">Search</Button>
        </div>
      </form>
      <PagedTable
        id="bookings"
        caption="Bookings, newest first"
        columns={[
          { label: 'Reference' },
          { label: 'Contact' },
          { label: 'Booked for' },
          { label: 'Total', align: 'right' },
          { label: 'Status' },
        ]}
        rowCount={page ? page.items.length : null}
        error={error}
        empty="No booking matches."
        nextHref={nextQuery ? `/bookings?${nextQuery}` : null}
        minWidthClass="min-w-[48rem]"
      >
        {page
          ? page.items.map((row) => {
              const status = bookingStatus[row.status] ?? {
                label: row.status,
                tone: 'neutral' as const,
              };
              return (
                <tr key={row.reference}>
                  <th scope="row" className="px-4 py-3 font-mono font-medium">
                    <Link href={`/bookings/${row.reference}`} className="text-brand-800 underline">
                      {row.reference}
                    </Link>
                  </th>
                  <td className="px-4 py-3">
                    {row.contact.name}
                    <span className="block text-xs text-slate-600">{row.contact.email}</span>
                  </td>
                  <td className="px-4 py-3">
                    {row.offeringName}
                    {row.startsAt ? (
                      <span className="block text-xs text-slate-600">
                        {formatDateTime(row.startsAt, row.timeZone)}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {formatMoney(row.total)}
                    <span className="block text-xs text-slate-600">
                      {paymentStateLabel[row.paymentState]}
                    </span>
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={status.tone}>{status.label}</Badge>
                  </td>
                </tr>
              );
            })
          : null}
      </PagedTable>
    </>
  );
}
