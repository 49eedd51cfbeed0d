'use server';

import type { AdjustmentInput } from '@tessera/api/domain/quotes/schemas';
import { QuoteId } from '@tessera/api/domain/quotes/schemas';
import { formText } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { RowActionState } from '~/components/row-action';
import { formNumber, submitForm, type FormState } from '~/lib/form-state';
import { minorUnits } from '~/lib/money';
import { serverApi } from '~/trpc/server';
import { inventoryOf } from '../sales/inventory-form';

const DAY_MS = 86_400_000;

/** The markup or discount as typed: a kind and a percent or an amount (in the currency). */
function adjustmentOf(form: FormData, currency: string): AdjustmentInput | string {
  const kind = formText(form, 'adjustmentKind');
  if (kind === 'none' || kind === '') return { kind: 'none' };
  const sign = kind.startsWith('discount') ? -1 : 1;
  const text = formText(form, 'adjustmentValue');
  if (kind.endsWith('percent')) {
    const percent = Number(text.replace(',', '.'));
    if (!text.trim() || !Number.isFinite(percent) || percent < 0)
      return 'Enter a percent, like 10 or 12.5';
    return { kind: 'percent', value: sign * Math.round(percent * 100) };
  }
  const amount = minorUnits(text, currency);
  return amount === null ? 'Enter an amount, like 25.50' : { kind: 'fixed', value: sign * amount };
}

/** A draft quote from the builder; then its page, to check it and send it. */
export async function createQuoteAction(_previous: FormState, form: FormData): Promise<FormState> {
  const currency = formText(form, 'currency');
  const fieldErrors: Record<string, string[]> = {};
  const customLines = form.getAll('lineDescription').flatMap((description, index) => {
    const text = typeof description === 'string' ? description.trim() : '';
    const amountText = formText(form, `lineAmount.${index}`);
    if (!text && !amountText.trim()) return [];
    const amount = minorUnits(amountText, currency);
    if (amount === null)
      fieldErrors[`customLines.${index}.amount`] = ['Enter an amount, like 25.50'];
    return [{ description: text, amount: amount ?? 0 }];
  });
  const adjustment = adjustmentOf(form, currency);
  if (typeof adjustment === 'string') fieldErrors.adjustmentValue = [adjustment];
  if (Object.keys(fieldErrors).length || typeof adjustment === 'string')
    return {
      outcome: 'refused',
      message: 'Check the fields marked below.',
      fieldErrors,
      result: null,
      values: Object.fromEntries(
        [...form.entries()].flatMap(([name, value]) =>
          typeof value === 'string' ? [[name, value]] : [],
        ),
      ),
    };
  const phone = formText(form, 'contact.phone').trim();
  let quoteId = '';
  const state = await submitForm(
    form,
    async () => {
      const quote = await (
        await serverApi()
      ).staff.quotes.create({
        contact: {
          name: formText(form, 'contact.name'),
          email: formText(form, 'contact.email'),
          ...(phone ? { phone } : {}),
        },
        inventory: inventoryOf(form),
        customLines,
        adjustment,
        validUntil: new Date(Date.now() + (formNumber(form, 'validDays') ?? 0) * DAY_MS),
      });
      quoteId = quote.id;
      return { message: `Quote ${quote.reference} saved.`, result: null };
    },
    { keepValues: true },
  );
  if (state.outcome !== 'done') return state;
  revalidatePath('/quotes');
  redirect(`/quotes/${quoteId}`);
}

async function quoteChange(form: FormData, change: (quoteId: string) => Promise<string>) {
  const input = QuoteId.safeParse({ quoteId: formText(form, 'quoteId') });
  if (!input.success)
    return { outcome: 'refused' as const, message: 'This quote is not one of ours.' };
  try {
    const message = await change(input.data.quoteId);
    revalidatePath('/quotes', 'layout');
    return { outcome: 'done' as const, message };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused' as const, message: error.message };
    throw error;
  }
}

/** Emails the offer's link to the customer (a new link each time). */
export async function sendQuoteAction(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  return quoteChange(form, async (quoteId) => {
    const { offerUrl } = await (await serverApi()).staff.quotes.send({ quoteId });
    return `Sent. The customer's link: ${offerUrl}`;
  });
}

export async function withdrawQuoteAction(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  return quoteChange(form, async (quoteId) => {
    await (await serverApi()).staff.quotes.withdraw({ quoteId });
    return 'Withdrawn: the link no longer works.';
  });
}
