'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { saveTaxRate } from './actions';

/** A new tax rate, or the changes to one (given `rate`). */
export function TaxRateForm({
  rate,
}: {
  rate?: { id: string; name: string; rateBasisPoints: number; inclusive: boolean };
}) {
  const [state, action, pending] = useActionState(saveTaxRate, initialFormState);
  const values = state.values;
  const prefix = rate ? `Tax rate ${rate.name}: ` : '';
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      {rate ? <input type="hidden" name="id" value={rate.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          label={`${prefix}Name`}
          name="name"
          required
          defaultValue={values.name ?? rate?.name}
          errors={state.fieldErrors.name}
        />
        <Field
          label={`${prefix}Rate (%)`}
          name="rate"
          inputMode="decimal"
          required
          defaultValue={values.rate ?? (rate ? String(rate.rateBasisPoints / 100) : '')}
          hint="20 for 20 %, 5.5 for 5.5 %."
          errors={state.fieldErrors.rateBasisPoints}
        />
        <label className="flex items-center gap-2 self-center text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            name="inclusive"
            defaultChecked={
              values.inclusive ? values.inclusive === 'on' : (rate?.inclusive ?? true)
            }
            className="size-4"
          />
          {prefix}Prices include it
        </label>
      </div>
      <div>
        <Button type="submit" variant={rate ? 'secondary' : 'primary'} pending={pending}>
          {rate ? `Save ${rate.name}` : 'Add tax rate'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
