'use client';

import { Button, cx } from '@tessera/ui';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { addDays, addMonths, longDate, monthName, monthOf, monthWeeks } from '~/lib/calendar-dates';

const WEEKDAYS = [
  ['Mon', 'Monday'],
  ['Tue', 'Tuesday'],
  ['Wed', 'Wednesday'],
  ['Thu', 'Thursday'],
  ['Fri', 'Friday'],
  ['Sat', 'Saturday'],
  ['Sun', 'Sunday'],
] as const;

const KEY_STEPS: Partial<Record<string, number>> = {
  ArrowLeft: -1,
  ArrowRight: 1,
  ArrowUp: -7,
  ArrowDown: 7,
};

export interface MonthCalendarProps {
  month: string;
  /** Free times per date of the month; dates not listed have none. */
  freeByDate: ReadonlyMap<string, number>;
  selected: string | null;
  loading: boolean;
  /** The first month that may be shown (the current one). */
  earliestMonth: string;
  onSelect: (date: string) => void;
  onMonthChange: (month: string) => void;
}

/**
 * A month grid (WAI-ARIA date grid): one day is in the tab order, arrows move by day and
 * week, Home/End to the week's ends, Page Up/Down by month, Enter or Space chooses a day
 * that has free times. Free days are marked by text and a dot, not by colour alone.
 */
export function MonthCalendar({
  month,
  freeByDate,
  selected,
  loading,
  earliestMonth,
  onSelect,
  onMonthChange,
}: MonthCalendarProps) {
  const weeks = monthWeeks(month);
  const [focusDate, setFocusDate] = useState<string>(selected ?? `${month}-01`);
  const [focusRequested, setFocusRequested] = useState(false);
  const gridRef = useRef<HTMLTableElement>(null);
  const active = monthOf(focusDate) === month ? focusDate : `${month}-01`;

  useEffect(() => {
    if (!focusRequested) return;
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-date="${active}"]`)?.focus();
    setFocusRequested(false);
  }, [active, focusRequested]);

  function moveTo(date: string) {
    if (monthOf(date) < earliestMonth) return;
    setFocusDate(date);
    setFocusRequested(true);
    if (monthOf(date) !== month) onMonthChange(monthOf(date));
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, date: string) {
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    const step =
      KEY_STEPS[event.key] ??
      (event.key === 'Home' ? -weekday : event.key === 'End' ? 6 - weekday : undefined);
    if (step !== undefined) {
      event.preventDefault();
      moveTo(addDays(date, step));
    } else if (event.key === 'PageUp' || event.key === 'PageDown') {
      event.preventDefault();
      const target = addMonths(monthOf(date), event.key === 'PageUp' ? -1 : 1);
      // The same day number, at most the 28th (which every month has).
      const day = Math.min(Number(date.slice(8)), 28);
      moveTo(`${target}-${String(day).padStart(2, '0')}`);
    }
  }

  const captionId = `calendar-${month}`;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <Button
          variant="secondary"
          size="sm"
          disabled={month <= earliestMonth}
          onClick={() => onMonthChange(addMonths(month, -1))}
        >
          <span aria-hidden="true">←</span> Previous month
        </Button>
        <h3 id={captionId} aria-live="polite" className="text-lg font-semibold text-slate-900">
          {monthName(month)}
        </h3>
        <Button variant="secondary" size="sm" onClick={() => onMonthChange(addMonths(month, 1))}>
          Next month <span aria-hidden="true">→</span>
        </Button>
      </div>
      <table
        ref={gridRef}
        role="grid"
        aria-labelledby={captionId}
        aria-busy={loading || undefined}
        className="w-full table-fixed border-collapse text-center"
      >
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th
                key={short}
                scope="col"
                abbr={long}
                className="py-1 text-sm font-medium text-slate-600"
              >
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, index) => (
            <tr key={index}>
              {week.map((date, column) =>
                date ? (
                  <td
                    key={date}
                    role="gridcell"
                    aria-selected={date === selected}
                    className="p-0.5"
                  >
                    <DayButton
                      date={date}
                      free={freeByDate.get(date) ?? 0}
                      loading={loading}
                      selected={date === selected}
                      tabbable={date === active}
                      onSelect={onSelect}
                      onFocus={() => setFocusDate(date)}
                      onKeyDown={onKeyDown}
                    />
                  </td>
                ) : (
                  <td key={`pad-${column}`} role="gridcell" aria-hidden="true" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DayButton({
  date,
  free,
  loading,
  selected,
  tabbable,
  onSelect,
  onFocus,
  onKeyDown,
}: {
  date: string;
  free: number;
  loading: boolean;
  selected: boolean;
  tabbable: boolean;
  onSelect: (date: string) => void;
  onFocus: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>, date: string) => void;
}) {
  const label = `${longDate(date)}, ${
    loading
      ? 'loading'
      : free === 0
        ? 'no free times'
        : `${free} free ${free === 1 ? 'time' : 'times'}`
  }`;
  return (
    <button
      type="button"
      data-date={date}
      tabIndex={tabbable ? 0 : -1}
      aria-label={label}
      aria-pressed={selected}
      aria-disabled={free === 0 || undefined}
      onClick={() => (free > 0 ? onSelect(date) : undefined)}
      onFocus={onFocus}
      onKeyDown={(event) => onKeyDown(event, date)}
      className={cx(
        'flex h-11 w-full flex-col items-center justify-center rounded-md text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600',
        selected
          ? 'bg-brand-700 font-semibold text-white'
          : free > 0
            ? 'bg-brand-50 font-medium text-brand-900 hover:bg-brand-100'
            : 'text-slate-500',
      )}
    >
      <span>{Number(date.slice(8))}</span>
      {free > 0 ? (
        <span aria-hidden="true" className="text-[0.6rem] leading-none">
          ●
        </span>
      ) : null}
    </button>
  );
}
