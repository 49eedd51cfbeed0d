'use client';

import { Button, Field } from '@tessera/ui';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { createSeatMap } from './actions';
import { selectClasses } from './select-classes';

/** A new, empty map; its editor opens next to add sections. */
export function SeatMapForm({ venues }: { venues: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createSeatMap, initialFormState);
  const router = useRouter();
  useEffect(() => {
    if (state.result) router.push(`/seat-maps/${state.result.id}`);
  }, [state.result, router]);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Field
        label="Name"
        name="name"
        required
        defaultValue={state.values.name}
        errors={state.fieldErrors.name}
      />
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Venue
        <select name="venueId" className={selectClasses} defaultValue={state.values.venueId ?? ''}>
          <option value="">No venue</option>
          {venues.map((venue) => (
            <option key={venue.id} value={venue.id}>
              {venue.name}
            </option>
          ))}
        </select>
      </label>
      <div>
        <Button type="submit" pending={pending}>
          {pending ? 'Creating…' : 'Create seat map'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
