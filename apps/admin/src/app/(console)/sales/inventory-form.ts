import type { SaleInventory } from '@tessera/api/domain/sales/schemas';
import { formText } from '@tessera/ui';
import { formNumber } from '~/lib/form-state';

/** What the sale form chose: seats, ticket quantities or a slot (`<resourceId>|<ISO start>`). */
export function inventoryOf(form: FormData): SaleInventory {
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
