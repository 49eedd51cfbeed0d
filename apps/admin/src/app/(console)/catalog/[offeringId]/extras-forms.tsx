'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState, type FormState } from '~/lib/form-state';
import { createAddOn, createPriceRule, createPromoCode } from '../actions';

const selectClasses =
  'block h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900';

function useForm(action: (previous: FormState, form: FormData) => Promise<FormState>) {
  return useActionState(action, initialFormState);
}

export function PriceRuleForm({ offeringId }: { offeringId: string }) {
  const [state, action, pending] = useForm(createPriceRule);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate aria-label="New price rule">
      <input type="hidden" name="offeringId" value={offeringId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Rule
          <select name="kind" className={selectClasses} defaultValue={state.values.kind}>
            <option value="occupancy">From this percent sold</option>
            <option value="time_to_start">From this many hours before the start</option>
          </select>
        </label>
        <Field
          label="Threshold"
          name="threshold"
          type="number"
          min={0}
          defaultValue={state.values.threshold}
          errors={state.fieldErrors.threshold}
        />
        <Field
          label="Price change (%)"
          name="adjustmentPercent"
          type="number"
          hint="Such as 10 or -5."
          defaultValue={state.values.adjustmentPercent}
          errors={state.fieldErrors.adjustmentValue}
        />
      </div>
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          Add price rule
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}

export function PromoCodeForm({ offeringId, currency }: { offeringId: string; currency: string }) {
  const [state, action, pending] = useForm(createPromoCode);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate aria-label="New promo code">
      <input type="hidden" name="offeringId" value={offeringId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          label="Code"
          name="code"
          defaultValue={state.values.code}
          errors={state.fieldErrors.code}
        />
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Discount in
          <select
            name="discountKind"
            className={selectClasses}
            defaultValue={state.values.discountKind}
          >
            <option value="percent">Percent</option>
            <option value="amount">{currency} minor units (cents)</option>
          </select>
        </label>
        <Field
          label="Discount"
          name="discountValue"
          type="number"
          min={0}
          defaultValue={state.values.discountValue}
          errors={state.fieldErrors.discountValue}
        />
        <Field
          label="Uses at most"
          name="maxRedemptions"
          type="number"
          min={1}
          hint="Empty: no limit."
          defaultValue={state.values.maxRedemptions}
          errors={state.fieldErrors.maxRedemptions}
        />
        <Field
          label="Valid until"
          name="validUntil"
          type="date"
          defaultValue={state.values.validUntil}
          errors={state.fieldErrors.validUntil}
        />
      </div>
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          Add promo code
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}

export function AddOnForm({ offeringId, currency }: { offeringId: string; currency: string }) {
  const [state, action, pending] = useForm(createAddOn);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate aria-label="New add-on">
      <input type="hidden" name="offeringId" value={offeringId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          label="Add-on name"
          name="name"
          defaultValue={state.values.name}
          errors={state.fieldErrors.name}
        />
        <Field
          label={`Add-on price (${currency} cents)`}
          name="priceAmount"
          type="number"
          min={0}
          defaultValue={state.values.priceAmount}
          errors={state.fieldErrors.priceAmount}
        />
        <Field
          label="Stock"
          name="stock"
          type="number"
          min={0}
          hint="Empty: unlimited."
          defaultValue={state.values.stock}
          errors={state.fieldErrors.stock}
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="perItem" className="size-4" />
        Charged per ticket (not once per order)
      </label>
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          Add add-on
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
