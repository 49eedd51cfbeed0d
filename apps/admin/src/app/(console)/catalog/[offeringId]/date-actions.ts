'use server';

import { formText } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { RowActionState } from '~/components/row-action';
import { submitForm, type FormState } from '~/lib/form-state';
import { serverApi } from '~/trpc/server';
import { dateFields } from '../item-fields';

/** One date: a series of one day, so it is created and stocked exactly like a series' dates. */
export async function addOneDate(_previous: FormState, form: FormData): Promise<FormState> {
  const input = dateFields(form);
  return submitForm(
    form,
    async () => {
      const created = await (await serverApi()).staff.catalog.createSeries({ ...input, days: 1 });
      revalidatePath(`/catalog/${input.offeringId}`);
      return {
        message: created.created ? 'Date added.' : 'This date is already there: nothing added.',
        result: null,
      };
    },
    { keepValues: true },
  );
}

export async function cancelDate(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  try {
    await (
      await serverApi()
    ).staff.catalog.cancelOccurrence({ occurrenceId: formText(form, 'occurrenceId') });
    revalidatePath(`/catalog/${formText(form, 'offeringId')}`);
    return { outcome: 'done', message: 'Date cancelled.' };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
}
