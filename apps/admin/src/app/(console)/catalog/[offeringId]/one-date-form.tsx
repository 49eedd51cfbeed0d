'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { addOneDate } from './date-actions';
import { DateFields, type DateFormProps } from './date-fields';

/** One more date of the offering, at a local time in its zone, on a seat map or not. */
export function OneDateForm({ offeringId, timeZone, seatMaps }: DateFormProps) {
  const [state, action, pending] = useActionState(addOneDate, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate aria-label="Add one date">
      <input type="hidden" name="offeringId" value={offeringId} />
      <Field
        label="Date"
        name="firstDate"
        type="date"
        required
        defaultValue={state.values.firstDate}
        errors={state.fieldErrors.firstDate}
      />
      <DateFields timeZone={timeZone} seatMaps={seatMaps} defaultTime="20:00" state={state} />
      <div>
        <Button type="submit" pending={pending}>
          Add date
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
