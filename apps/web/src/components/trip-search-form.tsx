import { Button, Field } from '@tessera/ui';
import type { FieldErrors } from '~/lib/field-errors';
import { StopField } from './stop-field';

export interface TripSearchValues {
  origin: string;
  destination: string;
  date: string;
  passengers: string;
}

/**
 * Where from, where to, when, how many. A plain GET form to /trips: it works before
 * (or without) JavaScript, and the results page is a shareable address.
 */
export function TripSearchForm({
  values,
  errors = {},
}: {
  values?: Partial<TripSearchValues>;
  errors?: FieldErrors;
}) {
  return (
    <form
      action="/trips"
      method="get"
      noValidate
      aria-label="Search trips"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-start"
    >
      <StopField
        label="From"
        name="origin"
        required
        defaultValue={values?.origin}
        errors={errors.origin}
      />
      <StopField
        label="To"
        name="destination"
        required
        defaultValue={values?.destination}
        errors={errors.destination}
      />
      <Field
        label="Date"
        name="date"
        type="date"
        required
        defaultValue={values?.date}
        errors={errors.date}
      />
      <Field
        label="Passengers"
        name="passengers"
        type="number"
        inputMode="numeric"
        min={1}
        max={9}
        defaultValue={values?.passengers ?? '1'}
        errors={errors.passengers}
        className="lg:w-28"
      />
      <Button type="submit" className="lg:mt-7">
        Search trips
      </Button>
    </form>
  );
}
