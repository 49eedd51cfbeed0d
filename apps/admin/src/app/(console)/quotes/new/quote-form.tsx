'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState, useId } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { ContactFields } from '../../sales/contact-fields';
import { InventoryChoice, type SaleTarget } from '../../sales/inventory-choice';
import { createQuoteAction } from '../actions';

const CUSTOM_LINES = 3;
const ADJUSTMENTS = [
  ['none', 'None'],
  ['markup_percent', 'Markup, percent'],
  ['discount_percent', 'Discount, percent'],
  ['markup_amount', 'Markup, amount'],
  ['discount_amount', 'Discount, amount'],
] as const;

/** The quote builder: places (priced when saved), custom lines, markup or discount, validity. */
export function QuoteForm({ target }: { target: SaleTarget }) {
  const [state, action, pending] = useActionState(createQuoteAction, initialFormState);
  const adjustmentId = useId();
  const values = state.values;
  return (
    <form action={action} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="currency" value={target.currency} />
      <InventoryChoice
        target={target}
        values={values}
        errors={state.fieldErrors.inventory}
        onCount={() => undefined}
      />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-semibold text-slate-900">
          Custom lines ({target.currency})
        </legend>
        {Array.from({ length: CUSTOM_LINES }, (_, index) => (
          <div key={index} className="grid gap-4 sm:grid-cols-3">
            <Field
              className="sm:col-span-2"
              label={`Line ${index + 1}: description`}
              name="lineDescription"
              defaultValue={values.lineDescription?.split(',')[index]}
              errors={state.fieldErrors[`customLines.${index}.description`]}
            />
            <Field
              label={`Line ${index + 1}: amount`}
              name={`lineAmount.${index}`}
              inputMode="decimal"
              defaultValue={values[`lineAmount.${index}`]}
              errors={state.fieldErrors[`customLines.${index}.amount`]}
            />
          </div>
        ))}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-lg font-semibold text-slate-900">Price and validity</legend>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={adjustmentId} className="text-sm font-medium text-slate-800">
            Markup or discount
          </label>
          <select
            id={adjustmentId}
            name="adjustmentKind"
            defaultValue={values.adjustmentKind ?? 'none'}
            className="block h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900"
          >
            {ADJUSTMENTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Percent or amount"
          name="adjustmentValue"
          inputMode="decimal"
          defaultValue={values.adjustmentValue}
          errors={state.fieldErrors.adjustmentValue ?? state.fieldErrors['adjustment.value']}
        />
        <Field
          label="Valid for (days)"
          name="validDays"
          type="number"
          min={1}
          max={90}
          required
          defaultValue={values.validDays ?? '7'}
          errors={state.fieldErrors.validUntil}
        />
      </fieldset>
      <ContactFields state={state} emailHint="The offer's link goes there when you send it." />
      <div>
        <Button type="submit" pending={pending}>
          {pending ? 'Pricing…' : 'Save the quote'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
