'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { createResource } from './actions';

export function ResourceForm() {
  const [state, action, pending] = useActionState(createResource, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label="Name"
          name="name"
          defaultValue={state.values.name}
          errors={state.fieldErrors.name}
        />
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Kind
          <select
            name="kind"
            defaultValue={state.values.kind}
            className="block h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900"
          >
            <option value="room">Room</option>
            <option value="court">Court</option>
            <option value="practitioner">Practitioner</option>
            <option value="vehicle">Vehicle</option>
          </select>
        </label>
        <Field
          label="Time zone"
          name="timeZone"
          placeholder="Europe/Paris"
          defaultValue={state.values.timeZone}
          errors={state.fieldErrors.timeZone}
        />
      </div>
      <div>
        <Button type="submit" pending={pending}>
          Add resource
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
