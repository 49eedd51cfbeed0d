import { Alert, Button, Card, Input, PageHeader, formatDateTime } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '~/components/action-form';
import { param, type SearchParams } from '~/lib/search-params';
import { requireSession } from '~/server/session';
import { serverApi } from '~/trpc/server';
import { moveBooking } from '../move/actions';

export const metadata: Metadata = { title: 'Move appointment' };

const selectClasses = 'mt-1 block h-11 w-full rounded-md border border-slate-400 bg-white px-3';

/** Staff move an appointment to another start time, on its resource or another of the service. */
export default async function MoveAppointmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<SearchParams>;
}) {
  await requireSession();
  const { reference } = await params;
  const search = await searchParams;
  const back = (
    <Link href={`/bookings/${reference}`} className="underline">
      Back to booking {reference}
    </Link>
  );
  let options;
  try {
    options = await (
      await serverApi()
    ).staff.bookings.slotMoveOptions({
      reference,
      day: param(search, 'day'),
      resourceId: param(search, 'resource'),
    });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return (
      <Alert tone="warning" title="This appointment cannot be moved here">
        {error.message} {back}
      </Alert>
    );
  }
  const when = (date: Date) => formatDateTime(date, options.timeZone);

  return (
    <>
      <PageHeader
        title={`Move appointment ${reference}`}
        description={`Times in ${options.timeZone}. Booked: ${options.booked.description}, ${when(options.booked.startsAt)}. The price stays the same.`}
      />
      <p className="mb-4 text-sm">{back}</p>
      <div className="flex max-w-2xl flex-col gap-6">
        <Card>
          <form className="flex flex-wrap items-end gap-3">
            <label className="text-sm font-medium text-slate-900">
              Day
              <Input type="date" name="day" defaultValue={options.day} className="mt-1" />
            </label>
            <label className="text-sm font-medium text-slate-900">
              Resource
              <select name="resource" defaultValue={options.resourceId} className={selectClasses}>
                {options.resources.map((resource) => (
                  <option key={resource.resourceId} value={resource.resourceId}>
                    {resource.name}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit" variant="secondary">
              Show free times
            </Button>
          </form>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">New time</h2>
          {options.freeStarts.length === 0 ? (
            <p className="text-sm">No time is free that day: choose another day or resource.</p>
          ) : (
            <ActionForm
              action={moveBooking}
              fields={{ reference, kind: 'slot', resourceId: options.resourceId }}
              label="Move appointment"
              variant="primary"
            >
              <label className="text-sm font-medium text-slate-900">
                Start
                <select name="start" className={selectClasses}>
                  {options.freeStarts.map((start) => (
                    <option key={start.toISOString()} value={start.toISOString()}>
                      {when(start)}
                    </option>
                  ))}
                </select>
              </label>
            </ActionForm>
          )}
        </Card>
      </div>
    </>
  );
}
