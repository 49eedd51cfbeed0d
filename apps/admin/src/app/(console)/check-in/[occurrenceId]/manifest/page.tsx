import { PageHeader, buttonClasses, formatDateTime, Alert } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';

export const metadata: Metadata = { title: 'Manifest' };

/** Everyone expected on a date, by name, with their check-in; downloadable as CSV. */
export default async function ManifestPage({
  params,
}: {
  params: Promise<{ occurrenceId: string }>;
}) {
  await requireSession();
  const { occurrenceId } = await params;
  let manifest;
  try {
    manifest = await (await serverApi()).staff.checkIn.manifest({ occurrenceId });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return (
      <Alert tone="warning" title="Date not found">
        {error.message}
      </Alert>
    );
  }
  const who = manifest.offeringKind === 'trip' ? 'Passengers' : 'Attendees';
  return (
    <>
      <PageHeader
        title={`${who}: ${manifest.offeringName}`}
        description={`${formatDateTime(manifest.startsAt, manifest.timeZone)} · ${manifest.count.checkedIn} / ${manifest.count.expected} checked in`}
      />
      <p className="mb-4 flex flex-wrap gap-3">
        <a
          href={`/check-in/${manifest.id}/manifest.csv`}
          download
          className={buttonClasses({ variant: 'secondary' })}
        >
          Download CSV
        </a>
        <Link href={`/check-in/${manifest.id}`} className={buttonClasses({ variant: 'ghost' })}>
          Scanner
        </Link>
      </p>
      {manifest.rows.length === 0 ? (
        <p className="text-slate-700">Nobody is booked on this date.</p>
      ) : (
        <div
          role="region"
          aria-labelledby="manifest-caption"
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption id="manifest-caption" className="sr-only">
              {who}, by name
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Name
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Seat or ticket
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Booking
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Checked in
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {manifest.rows.map((row) => (
                <tr key={row.code}>
                  <th scope="row" className="px-4 py-3 font-medium">
                    {row.name}
                  </th>
                  <td className="px-4 py-3">{row.place}</td>
                  <td className="px-4 py-3 font-mono">
                    <Link href={`/bookings/${row.reference}`} className="text-brand-800 underline">
                      {row.reference}
                    </Link>
                  </td>
                  <td className="px-4 py-3">
                    {row.checkedInAt
                      ? formatDateTime(row.checkedInAt, manifest.timeZone)
                      : 'Not yet'}
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
