'use client';

import type { RouterOutputs } from '@tessera/api';
import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { createResource, updateResource } from './actions';

type Resource = RouterOutputs['staff']['catalog']['resources'][number];

/** Adds a resource, or with `resource` edits that one (its fields filled in). */
export function ResourceForm({ resource }: { resource?: Resource }) {
  const [state, action, pending] = useActionState(
    resource ? updateResource : createResource,
    initialFormState,
  );
  const value = (name: keyof Resource) => state.values[name] ?? resource?.[name];
  return (
    <form
      action={action}
      className="flex flex-col gap-4"
      noValidate
      aria-label={resource ? `Edit resource ${resource.name}` : 'New resource'}
    >
      {resource ? <input type="hidden" name="id" value={resource.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label="Name"
          name="name"
          defaultValue={value('name')}
          errors={state.fieldErrors.name}
        />
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Kind
          <select
            name="kind"
            defaultValue={value('kind')}
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
          hint={resource ? 'Cannot change while slots to come are held or booked.' : undefined}
          defaultValue={value('timeZone')}
          errors={state.fieldErrors.timeZone}
        />
      </div>
      <div>
        <Button type="submit" pending={pending}>
          {resource ? 'Save resource' : 'Add resource'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
