'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { addOneDate } from './date-actions';

/** One more date of the offering, at a local time in its zone. */
export function OneDateForm({ offeringId, timeZone }: { offeringId: string; timeZone: string }) {
  const [state, action, pending] = useActionState(addOneDate, initialFormState);
  const errors = state.fieldErrors;
  const values = state.values;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="offeringId" value={offeringId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label="One date"
          name="firstDate"
          type="date"
          required
          defaultValue={values.firstDate}
          errors={errors.firstDate}
        />
        <Field
          label={`Start time of that date (${timeZone})`}
          name="localTime"
          type="time"
          required
          defaultValue={values.localTime ?? '20:00'}
          errors={errors.localTime}
        />
        <Field
          label="Length of that date (minutes)"
          name="durationMinutes"
          type="number"
          min={1}
          defaultValue={values.durationMinutes ?? '120'}
          errors={errors.durationMinutes}
        />
      </div>
      <div>
        <Button type="submit" pending={pending}>
          Add date
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
