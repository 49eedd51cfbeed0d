import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import type { Tx } from '../shared/idempotency';
import { auditCatalogChange } from './audit';
import type { RemoveCatalogItemInput, RemoveCatalogItemResult } from './extras-schemas';

const TABLES = {
  ticket_type: { table: 'ticketTypes', label: 'This ticket type' },
  price_rule: { table: 'priceRules', label: 'This price rule' },
  promo_code: { table: 'promoCodes', label: 'This promo code' },
  add_on: { table: 'addOns', label: 'This extra' },
} as const;

/**
 * Removes a ticket type, price rule, promo code or add-on of one of the org's offerings.
 * Something a hold, booking or waiting list refers to stays, deactivated (off sale, still
 * named on the bookings that have it); anything else is deleted. Audited either way.
 */
export function removeCatalogItem(
  db: Db,
  input: RemoveCatalogItemInput,
  staff: StaffMember,
  requestId: string,
): Promise<RemoveCatalogItemResult> {
  const { table, label } = TABLES[input.kind];
  return db.transaction().execute(async (tx) => {
    const item = await tx
      .selectFrom(table)
      .select(['id', 'offeringId'])
      .where('id', '=', input.id)
      .where('orgId', '=', staff.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!item) throw notFound(label);
    const used = await inUse(tx, input);
    if (used)
      await tx.updateTable(table).set({ active: false }).where('id', '=', item.id).execute();
    else await tx.deleteFrom(table).where('id', '=', item.id).execute();
    const outcome = used ? ('deactivated' as const) : ('deleted' as const);
    await auditCatalogChange(tx, staff, requestId, {
      action: `${input.kind}.${outcome}`,
      entityType: input.kind,
      entityId: item.id,
      changes: { offeringId: item.offeringId },
    });
    return {
      outcome,
      message: used
        ? `${label} is on holds or bookings, so it was deactivated instead of deleted: it is no longer sold and stays on those bookings.`
        : `${label} was deleted.`,
    };
  });
}

/** Whether anything sold, held or waited for refers to the item (a price rule never is). */
async function inUse(tx: Tx, input: RemoveCatalogItemInput): Promise<boolean> {
  const query =
    input.kind === 'ticket_type'
      ? sql<{
          used: boolean;
        }>`SELECT EXISTS (SELECT 1 FROM hold_items WHERE ticket_type_id = ${input.id})
          OR EXISTS (SELECT 1 FROM booking_items WHERE ticket_type_id = ${input.id})
          OR EXISTS (SELECT 1 FROM waitlist_entries WHERE ticket_type_id = ${input.id}) AS used`
      : input.kind === 'add_on'
        ? sql<{
            used: boolean;
          }>`SELECT EXISTS (SELECT 1 FROM hold_items WHERE add_on_id = ${input.id})
            OR EXISTS (SELECT 1 FROM booking_items WHERE add_on_id = ${input.id}) AS used`
        : input.kind === 'promo_code'
          ? sql<{
              used: boolean;
            }>`SELECT EXISTS (SELECT 1 FROM bookings WHERE promo_code_id = ${input.id}) AS used`
          : null;
  if (!query) return false;
  const { rows } = await query.execute(tx);
  return rows[0]?.used ?? false;
}
