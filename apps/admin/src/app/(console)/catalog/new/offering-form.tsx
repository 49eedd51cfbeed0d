'use client';

import { Button, Field } from '@tessera/ui';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { createOffering } from '../actions';
import { STOP_ROWS } from '../stop-rows';

const selectClasses =
  'block h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900';

/** A new offering; a trip takes its stops here, each with its zone and minutes from departure. */
export function OfferingForm({
  venues,
  defaultCurrency,
}: {
  venues: { id: string; name: string }[];
  /** The org's default currency (Settings). */
  defaultCurrency: string;
}) {
  const [state, action, pending] = useActionState(createOffering, initialFormState);
  const [kind, setKind] = useState('event');
  const router = useRouter();
  const errors = state.fieldErrors;
  const values = state.values;
  useEffect(() => {
    if (state.result) router.push(`/catalog/${state.result.id}`);
  }, [state.result, router]);

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Kind
        <select
          name="kind"
          className={selectClasses}
          value={kind}
          onChange={(event) => setKind(event.target.value)}
        >
          <option value="event">Event</option>
          <option value="trip">Trip</option>
          <option value="appointment">Appointment</option>
        </select>
      </label>
      <Field label="Name" name="name" required defaultValue={values.name} errors={errors.name} />
      <Field
        label="Address (slug)"
        name="slug"
        defaultValue={values.slug}
        required
        hint="Lower-case words joined by hyphens, such as paris-lyon."
        errors={errors.slug}
      />
      <Field
        label="Description"
        name="description"
        defaultValue={values.description}
        errors={errors.description}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Currency"
          name="currency"
          required
          defaultValue={values.currency ?? defaultCurrency}
          errors={errors.currency}
        />
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Venue
          <select name="venueId" className={selectClasses} defaultValue={values.venueId ?? ''}>
            <option value="">No venue</option>
            {venues.map((venue) => (
              <option key={venue.id} value={venue.id}>
                {venue.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {kind === 'appointment' ? (
        <Field
          label="Slot length (minutes)"
          name="slotMinutes"
          defaultValue={values.slotMinutes}
          type="number"
          min={1}
          errors={errors.slotMinutes}
        />
      ) : null}
      {kind === 'trip' ? (
        <fieldset className="flex flex-col gap-3">
          <legend className="text-sm font-medium text-slate-800">
            Stops in order (the first is the departure; leave extra rows empty)
          </legend>
          {errors.stops ? <p className="text-sm text-red-700">{errors.stops.join(' ')}</p> : null}
          {Array.from({ length: STOP_ROWS }, (_, index) => (
            <div key={index} className="grid gap-3 sm:grid-cols-4">
              <Field
                label={`Stop ${index + 1} name`}
                name={`stops.${index}.name`}
                defaultValue={values[`stops.${index}.name`]}
                errors={errors[`stops.${index}.name`]}
              />
              <Field
                label={`Stop ${index + 1} city`}
                name={`stops.${index}.city`}
                defaultValue={values[`stops.${index}.city`]}
                errors={errors[`stops.${index}.city`]}
              />
              <Field
                label={`Stop ${index + 1} time zone`}
                name={`stops.${index}.timeZone`}
                defaultValue={values[`stops.${index}.timeZone`] ?? 'Europe/Paris'}
                errors={errors[`stops.${index}.timeZone`]}
              />
              <Field
                label={`Stop ${index + 1} minutes after departure`}
                name={`stops.${index}.offsetMinutes`}
                type="number"
                min={0}
                defaultValue={values[`stops.${index}.offsetMinutes`] ?? (index === 0 ? '0' : '')}
                errors={errors[`stops.${index}.offsetMinutes`]}
              />
            </div>
          ))}
        </fieldset>
      ) : null}
      <div>
        <Button type="submit" pending={pending}>
          {pending ? 'Creating…' : 'Create offering'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
