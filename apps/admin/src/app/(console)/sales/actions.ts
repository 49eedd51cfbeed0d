'use server';

import type { SaleInventory, StaffSaleResult } from '@tessera/api/domain/sales/schemas';
import { formText } from '@tessera/ui';
import { revalidatePath } from 'next/cache';
import { formNumber, submitForm, type FormState } from '~/lib/form-state';
import { serverApi } from '~/trpc/server';

/** What the sale form chose: seats, ticket quantities or a slot (`<resourceId>|<ISO start>`). */
function inventoryOf(form: FormData): SaleInventory {
  const slot = formText(form, 'slot');
  if (slot) {
    const [resourceId = '', start = ''] = slot.split('|');
    return { offeringId: formText(form, 'offeringId'), resourceId, start: new Date(start) };
  }
  const seatIds = form.getAll('seatId').filter((value) => typeof value === 'string');
  const tickets = [...form.keys()]
    .filter((name) => name.startsWith('qty:'))
    .map((name) => ({ ticketTypeId: name.slice(4), quantity: formNumber(form, name) ?? 0 }))
    .filter((ticket) => ticket.quantity !== 0);
  return {
    occurrenceId: formText(form, 'occurrenceId'),
    ...(seatIds.length ? { seatIds } : {}),
    ...(tickets.length ? { tickets } : {}),
    // Staff chose a wheelchair place on the map on purpose.
    ...(formText(form, 'accessibleSeating') === 'yes' ? { accessibleSeating: true } : {}),
  };
}

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
