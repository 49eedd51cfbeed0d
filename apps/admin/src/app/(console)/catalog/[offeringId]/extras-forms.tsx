'use client';

import type { RouterOutputs } from '@tessera/api';
import { Button, Field } from '@tessera/ui';
import { useActionState, type ReactNode } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState, type FormState } from '~/lib/form-state';
import { createAddOn, createPriceRule, createPromoCode } from '../actions';
import { updateAddOn, updatePriceRule, updatePromoCode } from './item-actions';

type Extras = RouterOutputs['staff']['catalog']['extras'];
type FormAction = (previous: FormState, form: FormData) => Promise<FormState>;

const selectClasses =
  'block h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900';

/**
 * A form that adds an item, or edits `item` when given: the edit action, the item's id,
 * and each field's default from what was typed (after a refusal) else what is stored.
 */
function useItemForm<Item extends { id: string }>(
  item: Item | undefined,
  create: FormAction,
  update: FormAction,
  stored: (item: Item) => Record<string, string | undefined>,
) {
  const [state, action, pending] = useActionState(item ? update : create, initialFormState);
  const fromItem = item ? stored(item) : {};
  const value = (name: string) => state.values[name] ?? fromItem[name];
  return { state, action, pending, value };
}

const text = (value: number | string | null) => (value === null ? undefined : String(value));
/** Basis points shown as the percent typed; amounts as they are. */
const typed = (kind: 'percent_bp' | 'amount', value: number) =>
  String(kind === 'percent_bp' ? value / 100 : value);
const percentOrAmount = (kind: 'percent_bp' | 'amount') =>
  kind === 'percent_bp' ? 'percent' : 'amount';

/** Whether the value typed next to it is a percent or an amount in the offering's currency. */
function PercentOrAmount({
  label,
  name,
  currency,
  defaultValue,
}: {
  label: string;
  name: string;
  currency: string;
  defaultValue: string | undefined;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
      {label}
      <select name={name} className={selectClasses} defaultValue={defaultValue}>
        <option value="percent">Percent</option>
        <option value="amount">{currency} minor units (cents)</option>
      </select>
    </label>
  );
}

function ItemFormShell({
  label,
  offeringId,
  itemId,
  submit,
  pending,
  state,
  children,
}: {
  label: string;
  offeringId: string;
  itemId: string | undefined;
  submit: string;
  pending: boolean;
  state: FormState;
  children: ReactNode;
}) {
  return (
    <>
      <input type="hidden" name="offeringId" value={offeringId} />
      {itemId ? <input type="hidden" name="id" value={itemId} /> : null}
      {children}
      <div>
        <Button type="submit" variant="secondary" pending={pending} aria-label={label}>
          {submit}
        </Button>
      </div>
      <FormStatus state={state} />
    </>
  );
}

export function PriceRuleForm({
  offeringId,
  currency,
  rule,
}: {
  offeringId: string;
  currency: string;
  rule?: Extras['priceRules'][number];
}) {
  const { state, action, pending, value } = useItemForm(
    rule,
    createPriceRule,
    updatePriceRule,
    (stored) => ({
      kind: stored.kind,
      threshold: text(stored.threshold),
      adjustmentKind: percentOrAmount(stored.adjustmentKind),
      adjustmentValue: typed(stored.adjustmentKind, stored.adjustmentValue),
    }),
  );
  return (
    <form
      action={action}
      className="flex flex-col gap-3"
      noValidate
      aria-label={rule ? 'Edit price rule' : 'New price rule'}
    >
      <ItemFormShell
        label={rule ? 'Save price rule' : 'Add price rule'}
        submit={rule ? 'Save price rule' : 'Add price rule'}
        offeringId={offeringId}
        itemId={rule?.id}
        pending={pending}
        state={state}
      >
        <div className="grid gap-3 sm:grid-cols-4">
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Rule
            <select name="kind" className={selectClasses} defaultValue={value('kind')}>
              <option value="occupancy">From this percent sold</option>
              <option value="time_to_start">From this many hours before the start</option>
            </select>
          </label>
          <Field
            label="Threshold"
            name="threshold"
            type="number"
            min={0}
            defaultValue={value('threshold')}
            errors={state.fieldErrors.threshold}
          />
          <PercentOrAmount
            label="Change in"
            name="adjustmentKind"
            currency={currency}
            defaultValue={value('adjustmentKind')}
          />
          <Field
            label="Price change"
            name="adjustmentValue"
            type="number"
            hint="Such as 10 or -5."
            defaultValue={value('adjustmentValue')}
            errors={state.fieldErrors.adjustmentValue}
          />
        </div>
      </ItemFormShell>
    </form>
  );
}

export function PromoCodeForm({
  offeringId,
  currency,
  promo,
}: {
  offeringId: string;
  currency: string;
  promo?: Extras['promoCodes'][number];
}) {
  const { state, action, pending, value } = useItemForm(
    promo,
    createPromoCode,
    updatePromoCode,
    (stored) => ({
      code: stored.code,
      discountKind: percentOrAmount(stored.discountKind),
      discountValue: typed(stored.discountKind, stored.discountValue),
      maxRedemptions: text(stored.maxRedemptions),
      validUntil: stored.validUntil?.toISOString().slice(0, 10),
    }),
  );
  return (
    <form
      action={action}
      className="flex flex-col gap-3"
      noValidate
      aria-label={promo ? `Edit promo code ${promo.code}` : 'New promo code'}
    >
      <ItemFormShell
        label={promo ? `Save promo code ${promo.code}` : 'Add promo code'}
        submit={promo ? 'Save promo code' : 'Add promo code'}
        offeringId={offeringId}
        itemId={promo?.id}
        pending={pending}
        state={state}
      >
        <div className="grid gap-3 sm:grid-cols-3">
          <Field
            label="Code"
            name="code"
            defaultValue={value('code')}
            errors={state.fieldErrors.code}
          />
          <PercentOrAmount
            label="Discount in"
            name="discountKind"
            currency={currency}
            defaultValue={value('discountKind')}
          />
          <Field
            label="Discount"
            name="discountValue"
            type="number"
            min={0}
            defaultValue={value('discountValue')}
            errors={state.fieldErrors.discountValue}
          />
          <Field
            label="Uses at most"
            name="maxRedemptions"
            type="number"
            min={1}
            hint={
              promo
                ? `Used ${promo.redeemedCount} times so far. Empty: no limit.`
                : 'Empty: no limit.'
            }
            defaultValue={value('maxRedemptions')}
            errors={state.fieldErrors.maxRedemptions}
          />
          <Field
            label="Valid until"
            name="validUntil"
            type="date"
            defaultValue={value('validUntil')}
            errors={state.fieldErrors.validUntil}
          />
        </div>
      </ItemFormShell>
    </form>
  );
}

export function AddOnForm({
  offeringId,
  currency,
  addOn,
}: {
  offeringId: string;
  currency: string;
  addOn?: Extras['addOns'][number];
}) {
  const { state, action, pending, value } = useItemForm(
    addOn,
    createAddOn,
    updateAddOn,
    (stored) => ({
      name: stored.name,
      priceAmount: text(stored.priceAmount),
      stock: text(stored.stock),
      perItem: stored.perItem ? 'on' : undefined,
    }),
  );
  return (
    <form
      action={action}
      className="flex flex-col gap-3"
      noValidate
      aria-label={addOn ? `Edit add-on ${addOn.name}` : 'New add-on'}
    >
      <ItemFormShell
        label={addOn ? `Save add-on ${addOn.name}` : 'Add add-on'}
        submit={addOn ? 'Save add-on' : 'Add add-on'}
        offeringId={offeringId}
        itemId={addOn?.id}
        pending={pending}
        state={state}
      >
        <div className="grid gap-3 sm:grid-cols-3">
          <Field
            label="Add-on name"
            name="name"
            defaultValue={value('name')}
            errors={state.fieldErrors.name}
          />
          <Field
            label={`Add-on price (${currency} cents)`}
            name="priceAmount"
            type="number"
            min={0}
            defaultValue={value('priceAmount')}
            errors={state.fieldErrors.priceAmount}
          />
          <Field
            label="Stock"
            name="stock"
            type="number"
            min={0}
            hint={
              addOn ? 'Never below what is held or sold. Empty: unlimited.' : 'Empty: unlimited.'
            }
            defaultValue={value('stock')}
            errors={state.fieldErrors.stock}
          />
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="perItem"
            className="size-4"
            defaultChecked={value('perItem') === 'on'}
          />
          Charged per ticket (not once per order)
        </label>
      </ItemFormShell>
    </form>
  );
}
