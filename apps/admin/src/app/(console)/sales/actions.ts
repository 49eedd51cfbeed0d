'use server';

import type { StaffSaleResult } from '@tessera/api/domain/sales/schemas';
import { formText } from '@tessera/ui';
import { revalidatePath } from 'next/cache';
import { submitForm, type FormState } from '~/lib/form-state';
import { serverApi } from '~/trpc/server';
import { inventoryOf } from './inventory-form';

/** Books for the customer on the agent channel; the API checks the role, the org and the stock. */
export async function createSale(
  _previous: FormState<StaffSaleResult>,
  form: FormData,
): Promise<FormState<StaffSaleResult>> {
  return submitForm(
    form,
    async () => {
      const contactName = formText(form, 'contact.name');
      const phone = formText(form, 'contact.phone').trim();
      // Each place gets a name on its ticket; a blank one is the contact's.
      const names = form.getAll('attendee').map((name) => (typeof name === 'string' ? name : ''));
      const sold = await (
        await serverApi()
      ).staff.sales.create({
        idempotencyKey: formText(form, 'idempotencyKey'),
        inventory: inventoryOf(form),
        contact: {
          name: contactName,
          email: formText(form, 'contact.email'),
          ...(phone ? { phone } : {}),
        },
        ...(names.length
          ? { attendees: names.map((name) => ({ name: name.trim() || contactName })) }
          : {}),
        // An unknown choice is the API's to refuse, under the field.
        payment: formText(form, 'payment') as StaffSaleResult['payment'],
      });
      revalidatePath('/bookings');
      return { message: `Booked: ${sold.reference}.`, result: sold };
    },
    { keepValues: true },
  );
}
