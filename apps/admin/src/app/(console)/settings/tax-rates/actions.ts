'use server';

import { formText } from '@tessera/ui';
import { revalidatePath } from 'next/cache';
import { submitForm, type FormState } from '~/lib/form-state';
import { serverApi } from '~/trpc/server';

/** "20" or "5.5" (per cent) as basis points; NaN for the API to refuse when it is not a rate. */
function basisPoints(text: string): number {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : NaN;
}

export async function saveTaxRate(_previous: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, 'id');
  return submitForm(
    form,
    async () => {
      const saved = await (
        await serverApi()
      ).staff.settings.saveTaxRate({
        id: id || undefined,
        name: formText(form, 'name'),
        rateBasisPoints: basisPoints(formText(form, 'rate')),
        inclusive: form.get('inclusive') === 'on',
      });
      revalidatePath('/settings/tax-rates');
      return { message: `${saved.name} saved.`, result: null };
    },
    { keepValues: !id },
  );
}
