import type { RouterOutputs } from '@tessera/api';
import { Badge, formatDateTime } from '@tessera/ui';
import Link from 'next/link';
import { kindLabel, statusBadge } from '~/lib/labels';

type StaffOccurrence = RouterOutputs['staff']['occurrences']['upcoming']['items'][number];

/** Dates with occupancy and links to their door, bookings and waiting list (upcoming, today). */
export function OccurrenceTable({
  occurrences,
  id,
  caption,
}: {
  occurrences: StaffOccurrence[];
  /** The caption's id, unique on the page: the scrolling region is named by it. */
  id: string;
  caption: string;
}) {
  return (
    <div
      role="region"
      aria-labelledby={id}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <table className="w-full min-w-[52rem] text-left text-sm">
        <caption id={id} className="sr-only">
          {caption}
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">
              Date and time
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Offering
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Venue
            </th>
            <th scope="col" className="px-4 py-3 text-right font-semibold">
              Sold / capacity
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Status
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Door, bookings, waiting list
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {occurrences.map((occurrence) => {
            const status = statusBadge[occurrence.status] ?? {
              label: occurrence.status,
              tone: 'neutral' as const,
            };
            return (
              <tr key={occurrence.id}>
                <td className="px-4 py-3 whitespace-nowrap">
                  <time dateTime={occurrence.startsAt.toISOString()}>
                    {formatDateTime(occurrence.startsAt, occurrence.timeZone)}
                  </time>
                </td>
                <th scope="row" className="px-4 py-3 font-medium text-slate-900">
                  {occurrence.offering.name}
                  <span className="block text-xs font-normal text-slate-600">
                    {kindLabel[occurrence.offering.kind]}
                  </span>
                </th>
                <td className="px-4 py-3 text-slate-700">{occurrence.venueName ?? '—'}</td>
                <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
                  {occurrence.taken} / {occurrence.capacity}
                  <span className="block text-xs text-slate-600">
                    {occurrence.remaining === 0 ? 'Sold out' : `${occurrence.remaining} left`}
                  </span>
                </td>
                <td className="px-4 py-3">
                  <Badge tone={status.tone}>{status.label}</Badge>
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <Link
                    href={`/check-in/${occurrence.id}`}
                    className="font-medium text-brand-800 underline"
                  >
                    Check-in
                    <span className="sr-only">
                      {' '}
                      for {occurrence.offering.name},{' '}
                      {formatDateTime(occurrence.startsAt, occurrence.timeZone)}
                    </span>
                  </Link>{' '}
                  ·{' '}
                  <Link
                    href={`/bookings?occurrenceId=${occurrence.id}`}
                    className="font-medium text-brand-800 underline"
                  >
                    Bookings
                    <span className="sr-only">
                      {' '}
                      for {occurrence.offering.name},{' '}
                      {formatDateTime(occurrence.startsAt, occurrence.timeZone)}
                    </span>
                  </Link>{' '}
                  ·{' '}
                  <Link
                    href={`/waitlists/${occurrence.id}`}
                    className="font-medium text-brand-800 underline"
                  >
                    Waiting list
                    <span className="sr-only">
                      {' '}
                      for {occurrence.offering.name},{' '}
                      {formatDateTime(occurrence.startsAt, occurrence.timeZone)}
                    </span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
