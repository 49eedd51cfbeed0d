'use client';

import type { OrgProfileView } from '@tessera/api/domain/org-settings/schemas';
import { HOLD_MINUTES_MAX, HOLD_MINUTES_MIN } from '@tessera/api/domain/org-settings/hold-bounds';
import { Button, Field } from '@tessera/ui';
import { useActionState, useId } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { updateOrgProfile } from './actions';

/** The org's profile and the defaults the engine and the catalog use. */
export function OrgProfileForm({ profile }: { profile: OrgProfileView }) {
  const [state, action, pending] = useActionState(updateOrgProfile, initialFormState);
  const errors = state.fieldErrors;
  // What was submitted while a refusal is shown, else what is saved.
  const value = (name: keyof OrgProfileView, saved: string | number | null) =>
    state.values[name] ?? saved ?? '';
  const taxId = useId();
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Name"
          name="name"
          required
          defaultValue={value('name', profile.name)}
          errors={errors.name}
        />
        <Field
          label="Contact email"
          name="contactEmail"
          type="email"
          defaultValue={value('contactEmail', profile.contactEmail)}
          hint="Where customers and Tessera reach you. Optional."
          errors={errors.contactEmail}
        />
        <Field
          label="Time zone"
          name="timeZone"
          required
          defaultValue={value('timeZone', profile.timeZone)}
          hint="The IANA name, e.g. Europe/Paris: reports count days in it."
          errors={errors.timeZone}
        />
        <Field
          label="Default currency"
          name="currency"
          required
          maxLength={3}
          defaultValue={value('currency', profile.currency)}
          hint="Three letters, e.g. EUR."
          errors={errors.currency}
        />
        <Field
          label="Hold time (minutes)"
          name="holdMinutes"
          type="number"
          required
          min={HOLD_MINUTES_MIN}
          max={HOLD_MINUTES_MAX}
          defaultValue={value('holdMinutes', profile.holdMinutes)}
          hint={`How long chosen places stay reserved for a buyer, ${HOLD_MINUTES_MIN} to ${HOLD_MINUTES_MAX}. Offerings may set their own.`}
          errors={errors.holdMinutes}
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor={taxId} className="text-sm font-medium text-slate-800">
            Default tax rate
          </label>
          <select
            id={taxId}
            name="defaultTaxRateId"
            defaultValue={value('defaultTaxRateId', profile.defaultTaxRateId)}
            aria-describedby={`${taxId}-hint`}
            aria-invalid={errors.defaultTaxRateId ? true : undefined}
            className="block h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900"
          >
            <option value="">None</option>
            {profile.taxRates.map((rate) => (
              <option key={rate.id} value={rate.id}>
                {rate.name} ({rate.rateBasisPoints / 100} %, {rate.inclusive ? 'included' : 'added'}
                )
              </option>
            ))}
          </select>
          <p id={`${taxId}-hint`} className="text-sm text-slate-600">
            {errors.defaultTaxRateId?.join(' ') ?? 'New offerings are taxed at this rate.'}
          </p>
        </div>
      </div>
      <div>
        <Button type="submit" pending={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
