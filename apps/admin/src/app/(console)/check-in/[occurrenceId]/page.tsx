import { isRole, roleCan } from '@tessera/api/domain/access/permissions';
import { Alert, PageHeader, formatDateTime } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';
import { Scanner } from './scanner';

export const metadata: Metadata = { title: 'Check-in' };

/** The scanner for one date, made for a phone held at the door. */
export default async function CheckInPage({
  params,
}: {
  params: Promise<{ occurrenceId: string }>;
}) {
  await requireSession();
  const { occurrenceId } = await params;
  const api = await serverApi();
  const [org] = await api.staff.orgs();
  const role = org && isRole(org.role) ? org.role : null;
  let occurrence;
  try {
    occurrence = await api.staff.checkIn.occurrence({ occurrenceId });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return (
      <Alert tone="warning" title="Date not found">
        {error.message}
      </Alert>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader
        title={`Check-in: ${occurrence.offeringName}`}
        description={`${formatDateTime(occurrence.startsAt, occurrence.timeZone)}`}
      />
      {role && roleCan(role, 'checkin:write') ? (
        <Scanner
          occurrenceId={occurrence.id}
          timeZone={occurrence.timeZone}
          initialCount={occurrence.count}
        />
      ) : (
        <Alert tone="info" title="Scanning is for check-in staff">
          {occurrence.count.checkedIn} / {occurrence.count.expected} checked in.
        </Alert>
      )}
      <p className="mt-6">
        <Link
          href={`/check-in/${occurrence.id}/manifest`}
          className="font-medium text-brand-800 underline"
        >
          Manifest
        </Link>
      </p>
    </div>
  );
}
