'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { updateOffering } from '../actions';

/** Status (customers see published offerings only), the cancellation cut-off and the tax rate. */
export function SettingsForm({
  offeringId,
  status,
  cancellationCutoffHours,
  taxRateId,
  taxRates,
}: {
  offeringId: string;
  status: string;
  cancellationCutoffHours: number | null;
  taxRateId: string | null;
  taxRates: readonly { id: string; name: string; rateBasisPoints: number; inclusive: boolean }[];
}) {
  const [state, action, pending] = useActionState(updateOffering, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="offeringId" value={offeringId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Status
          <select
            name="status"
            defaultValue={state.values.status ?? status}
            className="block h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900"
          >
            <option value="draft">Draft</option>
            <option value="published">Published</option>
            <option value="archived">Archived</option>
          </select>
        </label>
        <Field
          label="Customers may cancel until (hours before the start)"
          name="cancellationCutoffHours"
          type="number"
          min={0}
          defaultValue={state.values.cancellationCutoffHours ?? cancellationCutoffHours ?? ''}
          hint="Empty or 0: customers may cancel online until the start."
          errors={state.fieldErrors.cancellationCutoffHours}
        />
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Tax rate
          <select
            name="taxRateId"
            defaultValue={state.values.taxRateId ?? taxRateId ?? ''}
            className="block h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900"
          >
            <option value="">No tax</option>
            {taxRates.map((rate) => (
              <option key={rate.id} value={rate.id}>
                {rate.name} ({rate.rateBasisPoints / 100} %, {rate.inclusive ? 'included' : 'added'}
                )
              </option>
            ))}
          </select>
        </label>
      </div>
      <div>
        <Button type="submit" pending={pending}>
          Save
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
