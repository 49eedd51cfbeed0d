'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { setResourceHours } from '../actions';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** One opening a weekday, plus dates that differ; saving replaces all the current hours. */
export function HoursForm({ resourceId }: { resourceId: string }) {
  const [state, action, pending] = useActionState(setResourceHours, initialFormState);
  const errorsOf = (prefix: string) =>
    Object.entries(state.fieldErrors)
      .filter(([key]) => key.startsWith(prefix))
      .flatMap(([, messages]) => messages);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="resourceId" value={resourceId} />
      {DAYS.map((day, index) => {
        const weekday = index + 1;
        return (
          <div key={day} className="grid gap-3 sm:grid-cols-2">
            <Field
              label={`${day} opens`}
              name={`weekly.${weekday}.opensAt`}
              type="time"
              defaultValue={state.values[`weekly.${weekday}.opensAt`]}
            />
            <Field
              label={`${day} closes`}
              name={`weekly.${weekday}.closesAt`}
              type="time"
              defaultValue={state.values[`weekly.${weekday}.closesAt`]}
            />
          </div>
        );
      })}
      {errorsOf('weekly').length ? (
        <p className="text-sm text-red-700">{errorsOf('weekly').join(' ')}</p>
      ) : null}
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Dates that differ, one a line: “2026-12-25 closed” or “2026-12-24 09:00-12:00”
        <textarea
          name="overrides"
          rows={3}
          defaultValue={state.values.overrides}
          aria-invalid={errorsOf('overrides').length > 0 || undefined}
          className="rounded-md border border-slate-400 p-3 font-mono text-base text-slate-900"
        />
      </label>
      {errorsOf('overrides').length ? (
        <p className="text-sm text-red-700">{errorsOf('overrides').join(' ')}</p>
      ) : null}
      <div>
        <Button type="submit" pending={pending}>
          Save hours
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
