import type { Db } from '@tessera/db';
import { AppError, notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import type { InventoryEvents } from '../events/inventory';
import { auditCatalogChange, changesOf } from './audit';
import { ticketTypeColumns } from './columns';
import { mergeChecked } from './field-rules';
import { ownOffering } from './offerings';
import {
  CreateTicketTypeInput,
  ticketTypeRules,
  type TicketTypeView,
  type UpdateTicketTypeInput,
} from './schemas';
import { setQuotaOfDatesToCome } from './ticket-quota';

/**
 * A new price tier, in the offering's currency. Occurrences created afterwards get its
 * quota; existing ones are not restocked here.
 */
export function createTicketType(
  db: Db,
  rawInput: CreateTicketTypeInput,
  staff: StaffMember,
  requestId: string,
): Promise<TicketTypeView> {
  const { offeringId, ...input } = CreateTicketTypeInput.parse(rawInput);
  return db.transaction().execute(async (tx) => {
    const offering = await ownOffering(tx, staff.orgId, offeringId);
    const ticketType = await tx
      .insertInto('ticketTypes')
      .values({ orgId: staff.orgId, offeringId, currency: offering.currency, ...input })
      .returning(ticketTypeColumns)
      .executeTakeFirstOrThrow();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'ticket_type.created',
      entityType: 'ticket_type',
      entityId: ticketType.id,
      changes: { offeringId, ...input },
    });
    return ticketType;
  });
}

/**
 * Changes a price tier. A new quota reaches every date to come that carries the old one,
 * in the same transaction, and is refused (changing nothing) where customers already hold
 * or bought more. Prices apply to holds made from now on; those made before keep theirs.
 */
export async function updateTicketType(
  db: Db,
  input: UpdateTicketTypeInput,
  staff: StaffMember,
  deps: { events: InventoryEvents; requestId: string },
): Promise<TicketTypeView> {
  const { ticketTypeId, ...changes } = input;
  const { ticketType, restocked } = await db.transaction().execute(async (tx) => {
    const stored = await tx
      .selectFrom('ticketTypes')
      .select([...ticketTypeColumns, 'offeringId'])
      .where('id', '=', ticketTypeId)
      .where('orgId', '=', staff.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!stored) throw notFound('This ticket type');
    const { id, currency: _currency, active: _active, offeringId, ...fields } = stored;
    const updated = mergeChecked(ticketTypeRules, fields, changes);
    let restocked: string[] = [];
    if (updated.quotaPerOccurrence !== fields.quotaPerOccurrence) {
      // No quota means sold by seat: a tier does not switch between seats and places.
      if (updated.quotaPerOccurrence === null || fields.quotaPerOccurrence === null)
        throw new AppError(
          'VALIDATION',
          'A ticket type sold by seat cannot take places per date, nor lose them: add another ticket type instead.',
          { field: 'quotaPerOccurrence' },
        );
      const { timeZone } = await ownOffering(tx, staff.orgId, offeringId);
      restocked = await setQuotaOfDatesToCome(
        tx,
        { id, name: updated.name, timeZone },
        updated.quotaPerOccurrence,
      );
    }
    const ticketType = await tx
      .updateTable('ticketTypes')
      .set(updated)
      .where('id', '=', id)
      .returning(ticketTypeColumns)
      .executeTakeFirstOrThrow();
    await auditCatalogChange(tx, staff, deps.requestId, {
      action: 'ticket_type.updated',
      entityType: 'ticket_type',
      entityId: id,
      changes: { offeringId, ...changesOf(fields, updated), restockedDates: restocked.length },
    });
    return { ticketType, restocked };
  });
  for (const occurrenceId of restocked) deps.events.changed({ orgId: staff.orgId, occurrenceId });
  return ticketType;
}
