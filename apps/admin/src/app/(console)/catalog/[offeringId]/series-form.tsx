'use client';

import { Button, Field, formatDateTime } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { occurrenceSeries } from '../actions';
import { DateFields, type DateFormProps } from './date-fields';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Dates in series: Preview lists what Create would make, in the offering's zone. */
export function SeriesForm({ offeringId, timeZone, seatMaps }: DateFormProps) {
  const [state, action, pending] = useActionState(occurrenceSeries, initialFormState);
  const errors = state.fieldErrors;
  const result = state.result;
  const values = state.values;
  const weekdays = (values.weekdays ?? '').split(',');
  return (
    <form
      action={action}
      className="flex flex-col gap-4"
      noValidate
      aria-label="Add dates in series"
    >
      <input type="hidden" name="offeringId" value={offeringId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="First date"
          name="firstDate"
          type="date"
          required
          defaultValue={values.firstDate}
          errors={errors.firstDate}
        />
        <Field
          label="Number of days"
          name="days"
          type="number"
          min={1}
          max={366}
          defaultValue={values.days ?? '30'}
          errors={errors.days}
        />
      </div>
      <DateFields timeZone={timeZone} seatMaps={seatMaps} defaultTime="08:00" state={state} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">
          Only on (none ticked: every day)
        </legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {WEEKDAYS.map((day, index) => (
            <label key={day} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name="weekdays"
                value={index + 1}
                defaultChecked={weekdays.includes(String(index + 1))}
                className="size-4"
              />
              {day}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label="Skip these dates"
        name="skipDates"
        placeholder="2026-12-25, 2027-01-01"
        defaultValue={values.skipDates}
        hint="YYYY-MM-DD, separated by commas or spaces."
        errors={Object.entries(errors)
          .filter(([key]) => key.startsWith('skipDates'))
          .flatMap(([, messages]) => messages)}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="preview" variant="secondary" pending={pending}>
          Preview dates
        </Button>
        <Button type="submit" name="intent" value="create" pending={pending}>
          Create dates
        </Button>
      </div>
      <FormStatus state={state} />
      {result ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">
            {result.created === null ? 'Dates this series would create' : 'Dates created'}
          </h3>
          <ol
            className="mt-2 grid gap-1 text-sm text-slate-800 sm:grid-cols-2"
            aria-label="Series dates"
          >
            {result.starts.map((start) => (
              <li key={start.localDate}>{formatDateTime(start.startsAt, result.timeZone)}</li>
            ))}
          </ol>
          {result.existing.length ? (
            <p className="mt-2 text-sm text-slate-700">
              Already there, left as they are: {result.existing.join(', ')}
            </p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
