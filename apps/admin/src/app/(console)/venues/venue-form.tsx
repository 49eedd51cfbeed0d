'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { createVenue } from '../catalog/actions';

export function VenueForm() {
  const [state, action, pending] = useActionState(createVenue, initialFormState);
  const errors = state.fieldErrors;
  const values = state.values;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Field label="Name" name="name" required defaultValue={values.name} errors={errors.name} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="City" name="city" defaultValue={values.city} errors={errors.city} />
        <Field
          label="Country"
          name="country"
          defaultValue={values.country}
          hint="Two letters, such as FR."
          errors={errors.country}
        />
      </div>
      <Field
        label="Time zone"
        name="timeZone"
        defaultValue={values.timeZone}
        required
        placeholder="Europe/Paris"
        hint="The IANA name; dates at this venue are shown in it."
        errors={errors.timeZone}
      />
      <div>
        <Button type="submit" pending={pending}>
          {pending ? 'Adding…' : 'Add venue'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
