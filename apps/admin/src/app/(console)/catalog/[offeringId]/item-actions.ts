'use server';

import { formText } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { RowActionState } from '~/components/row-action';
import { submitForm, type FormState } from '~/lib/form-state';
import { serverApi } from '~/trpc/server';
import { addOnFields, priceRuleFields, promoCodeFields, ticketTypeFields } from '../item-fields';

// Edits and removals of an offering's ticket types, price rules, promo codes and add-ons.

/** Saves an edit form and refreshes the offering's page. */
function saveItem(form: FormData, save: () => Promise<unknown>): Promise<FormState> {
  return submitForm(form, async () => {
    await save();
    revalidatePath(`/catalog/${formText(form, 'offeringId')}`);
    return { message: 'Saved.', result: null };
  });
}

export async function updateTicketType(_previous: FormState, form: FormData) {
  return saveItem(form, async () =>
    (await serverApi()).staff.catalog.updateTicketType({
      ticketTypeId: formText(form, 'id'),
      ...ticketTypeFields(form),
    }),
  );
}

export async function updatePriceRule(_previous: FormState, form: FormData) {
  return saveItem(form, async () =>
    (await serverApi()).staff.catalog.updatePriceRule({
      priceRuleId: formText(form, 'id'),
      ...priceRuleFields(form),
    }),
  );
}

export async function updatePromoCode(_previous: FormState, form: FormData) {
  return saveItem(form, async () =>
    (await serverApi()).staff.catalog.updatePromoCode({
      promoCodeId: formText(form, 'id'),
      ...promoCodeFields(form),
    }),
  );
}

export async function updateAddOn(_previous: FormState, form: FormData) {
  return saveItem(form, async () =>
    (await serverApi()).staff.catalog.updateAddOn({
      addOnId: formText(form, 'id'),
      ...addOnFields(form),
    }),
  );
}

const KINDS = ['ticket_type', 'price_rule', 'promo_code', 'add_on'] as const;

/** Deletes the item, or deactivates it when sales refer to it; the answer says which. */
export async function removeCatalogItem(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const kind = KINDS.find((known) => known === formText(form, 'kind')) ?? 'ticket_type';
  try {
    const { message } = await (
      await serverApi()
    ).staff.catalog.removeItem({ kind, id: formText(form, 'id') });
    revalidatePath(`/catalog/${formText(form, 'offeringId')}`);
    return { outcome: 'done', message };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
}
