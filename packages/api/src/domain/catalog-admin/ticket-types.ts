import type { Db } from '@tessera/db';
import type { StaffMember } from '../access/membership';
import { auditCatalogChange } from './audit';
import { ownOffering } from './offerings';
import { CreateTicketTypeInput, type TicketTypeView } from './schemas';

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
      .returning([
        'id',
        'name',
        'priceAmount',
        'currency',
        'seatCategory',
        'quotaPerOccurrence',
        'minPerOrder',
        'maxPerOrder',
        'salesStartAt',
        'salesEndAt',
      ])
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
