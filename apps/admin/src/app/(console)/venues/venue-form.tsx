'use client';

import type { RouterOutputs } from '@tessera/api';
import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { createVenue, updateVenue } from '../catalog/actions';

type Venue = RouterOutputs['staff']['catalog']['venues'][number];

/** Adds a venue, or with `venue` edits that one (its fields filled in). */
export function VenueForm({ venue }: { venue?: Venue }) {
  const [state, action, pending] = useActionState(
    venue ? updateVenue : createVenue,
    initialFormState,
  );
  const errors = state.fieldErrors;
  const value = (name: keyof Venue) => state.values[name] ?? venue?.[name] ?? undefined;
  return (
    <form
      action={action}
      className="flex flex-col gap-4"
      noValidate
      aria-label={venue ? `Edit venue ${venue.name}` : 'New venue'}
    >
      {venue ? <input type="hidden" name="id" value={venue.id} /> : null}
      <Field label="Name" name="name" required defaultValue={value('name')} errors={errors.name} />
      <Field
        label="Address"
        name="addressLine"
        defaultValue={value('addressLine')}
        errors={errors.addressLine}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="City" name="city" defaultValue={value('city')} errors={errors.city} />
        <Field
          label="Country"
          name="country"
          defaultValue={value('country')}
          hint="Two letters, such as FR."
          errors={errors.country}
        />
      </div>
      <Field
        label="Time zone"
        name="timeZone"
        defaultValue={value('timeZone')}
        required
        placeholder="Europe/Paris"
        hint={
          venue
            ? 'Cannot change while the venue has dates to come: their local times would shift.'
            : 'The IANA name; dates at this venue are shown in it.'
        }
        errors={errors.timeZone}
      />
      <div>
        <Button type="submit" pending={pending}>
          {venue ? 'Save venue' : pending ? 'Adding…' : 'Add venue'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
