'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { readApiError } from '@tessera/client';
import { useTRPC } from '@tessera/client/react';
import { Alert, Button, formatTime } from '@tessera/ui';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { longDate } from '~/lib/calendar-dates';
import { MonthCalendar } from './month-calendar';

export interface AppointmentOffering {
  id: string;
  slug: string;
  resources: { id: string; name: string }[];
}

/** The zone the visitor's browser is in; read after mount (the server does not know it). */
function useVisitorTimeZone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return zone;
}

/**
 * Choose a resource (or any), a day with free times, then a time: the time is held and
 * checkout opens. Days and times are the venue's, zone named; the visitor's own time is
 * shown beside each when their zone differs.
 */
export function AppointmentPicker({
  offering,
  initialMonth,
}: {
  offering: AppointmentOffering;
  initialMonth: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const resourceFieldId = useId();
  const [resourceId, setResourceId] = useState<string>('');
  const [month, setMonth] = useState(initialMonth);
  const [selected, setSelected] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [choosing, setChoosing] = useState<Date | null>(null);
  const visitorZone = useVisitorTimeZone();
  const slotMonth = useQuery(
    trpc.availability.slotMonth.queryOptions(
      { offeringId: offering.id, resourceId: resourceId || undefined, month },
      { placeholderData: keepPreviousData, staleTime: 15_000 },
    ),
  );
  const hold = useMutation(trpc.holds.create.mutationOptions());

  const data = slotMonth.data?.month === month ? slotMonth.data : undefined;
  const timeZone = slotMonth.data?.timeZone ?? null;
  const freeByDate = new Map((data?.days ?? []).map((day) => [day.date, day.slots.length]));
  const daySlots = data?.days.find((day) => day.date === selected)?.slots ?? [];
  const showVisitorTime = visitorZone !== null && timeZone !== null && visitorZone !== timeZone;

  async function choose(slot: { start: Date; resourceId: string }) {
    setProblem(null);
    setChoosing(slot.start);
    try {
      const created = await hold.mutateAsync({
        offeringId: offering.id,
        resourceId: slot.resourceId,
        start: slot.start,
        idempotencyKey: crypto.randomUUID(),
      });
      router.push(`/checkout/${created.holdId}?offering=${encodeURIComponent(offering.slug)}`);
    } catch (error) {
      const apiError = readApiError(error);
      setProblem(
        apiError.appCode === 'SLOT_TAKEN'
          ? 'Someone booked this time a moment ago. Please choose another.'
          : apiError.message,
      );
      setChoosing(null);
      void slotMonth.refetch();
    }
  }

  return (
    <div className="flex flex-col gap-6">
      {offering.resources.length > 1 ? (
        <div className="flex max-w-sm flex-col gap-1.5">
          <label htmlFor={resourceFieldId} className="text-sm font-medium text-slate-800">
            With
          </label>
          <select
            id={resourceFieldId}
            value={resourceId}
            onChange={(event) => {
              setResourceId(event.target.value);
              setSelected(null);
            }}
            className="h-11 rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <option value="">Any available</option>
            {offering.resources.map((resource) => (
              <option key={resource.id} value={resource.id}>
                {resource.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {timeZone ? (
        <p className="text-sm text-slate-700" data-testid="time-zones">
          Times are in {timeZone}.
          {showVisitorTime ? ` Your own time (${visitorZone}) is shown beside each.` : null}
        </p>
      ) : null}
      {slotMonth.isError ? (
        <Alert tone="error" title="We could not load the free times">
          {slotMonth.error.message}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <MonthCalendar
          month={month}
          freeByDate={freeByDate}
          selected={selected}
          loading={!data}
          earliestMonth={initialMonth}
          onSelect={setSelected}
          onMonthChange={(next) => {
            setMonth(next);
            setSelected(null);
          }}
        />
        <section aria-labelledby="times-heading" className="flex flex-col gap-3">
          <h3 id="times-heading" className="text-lg font-semibold text-slate-900">
            {selected ? `Free times on ${longDate(selected)}` : 'Choose a day'}
          </h3>
          {problem ? (
            <Alert tone="warning" title="This time could not be held">
              {problem}
            </Alert>
          ) : null}
          {!selected ? (
            <p className="text-slate-700">
              {data && data.days.length === 0
                ? 'No free times this month. Try the next month.'
                : 'Days with free times are marked with a dot.'}
            </p>
          ) : (
            <ul aria-label="Free times" className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              {daySlots.map((slot) => {
                const local = `${formatTime(slot.start, timeZone ?? 'UTC')}–${formatTime(slot.end, timeZone ?? 'UTC')}`;
                const yours =
                  showVisitorTime && visitorZone
                    ? `${formatTime(slot.start, visitorZone)}–${formatTime(slot.end, visitorZone)}`
                    : null;
                return (
                  <li key={slot.start.toISOString()}>
                    <Button
                      variant="secondary"
                      className="w-full flex-col gap-0"
                      pending={choosing === slot.start}
                      disabled={choosing !== null}
                      onClick={() => void choose(slot)}
                    >
                      {/* The spoken name adds what the layout shows around it: "Book", the zones. */}
                      <span className="font-semibold">
                        <span className="sr-only">Book </span>
                        {local}
                        <span className="sr-only"> {timeZone}</span>
                      </span>
                      {yours ? (
                        <span className="text-xs font-normal text-slate-600">
                          <span className="sr-only">, </span>
                          {yours} your time<span className="sr-only"> ({visitorZone})</span>
                        </span>
                      ) : null}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
