import { PageHeader, formatDateTime } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';

export const metadata: Metadata = { title: 'Waiting lists' };

/** The dates not yet over that people wait for, with how many wait, have offers, booked. */
export default async function WaitlistsPage() {
  await requireSession();
  const api = await serverApi();
  const dates = await api.staff.waitlist.dates();

  return (
    <>
      <PageHeader
        title="Waiting lists"
        description="Dates with people waiting for places, in the time zone of each venue."
      />
      {dates.length === 0 ? (
        <p className="text-slate-700">Nobody is waiting for a date.</p>
      ) : (
        <div
          role="region"
          aria-labelledby="waitlists-caption"
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption id="waitlists-caption" className="sr-only">
              Dates with a waiting list, soonest first
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Date
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Offering
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Waiting
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Offered
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Booked
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Lapsed
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {dates.map((date) => (
                <tr key={date.occurrenceId}>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <Link
                      href={`/waitlists/${date.occurrenceId}`}
                      className="font-medium text-brand-800 underline"
                    >
                      {formatDateTime(date.startsAt, date.timeZone)}
                      <span className="sr-only"> — waiting list of {date.offeringName}</span>
                    </Link>
                  </td>
                  <th scope="row" className="px-4 py-3 font-medium text-slate-900">
                    {date.offeringName}
                  </th>
                  <td className="px-4 py-3 text-right tabular-nums">{date.waiting}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{date.offered}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{date.claimed}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{date.lapsed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
