'use server';

import { formText } from '@tessera/ui';
import { revalidatePath } from 'next/cache';
import { formNumber, submitForm, type FormState } from '~/lib/form-state';
import { serverApi } from '~/trpc/server';

export async function updateOrgProfile(_previous: FormState, form: FormData): Promise<FormState> {
  return submitForm(
    form,
    async () => {
      await (
        await serverApi()
      ).staff.settings.updateProfile({
        name: formText(form, 'name'),
        contactEmail: formText(form, 'contactEmail').trim() || null,
        timeZone: formText(form, 'timeZone').trim(),
        currency: formText(form, 'currency').trim().toUpperCase(),
        holdMinutes: formNumber(form, 'holdMinutes') ?? NaN,
        defaultTaxRateId: formText(form, 'defaultTaxRateId') || null,
      });
      revalidatePath('/settings');
      return { message: 'Settings saved.', result: null };
    },
    { keepValues: true },
  );
}
