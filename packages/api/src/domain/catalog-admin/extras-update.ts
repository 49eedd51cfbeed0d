import type { Db } from '@tessera/db';
import { AppError, notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import { addOnInUse } from '../inventory/add-ons';
import type { Tx } from '../shared/idempotency';
import { auditCatalogChange, changesOf } from './audit';
import { addOnColumns, priceRuleColumns, promoCodeColumns } from './columns';
import { checkCodeFree, checkTicketTypeOf, promoCurrency } from './extras';
import {
  priceRuleRules,
  promoCodeRules,
  type UpdateAddOnInput,
  type UpdatePriceRuleInput,
  type UpdatePromoCodeInput,
} from './extras-schemas';
import { mergeChecked } from './field-rules';

// Changes to price rules, promo codes and add-ons: each item is the org's or not found,
// locked while it changes, merged with the changes, checked, and audited field by field.

type ItemKind = 'price_rule' | 'promo_code' | 'add_on';

/** Runs an update in one transaction and writes its audit entry, with the offering. */
function auditedUpdate<View extends { id: string }>(
  db: Db,
  staff: StaffMember,
  requestId: string,
  kind: ItemKind,
  update: (tx: Tx) => Promise<{ offeringId: string | null; before: object; after: View }>,
): Promise<View> {
  return db.transaction().execute(async (tx) => {
    const { offeringId, before, after } = await update(tx);
    await auditCatalogChange(tx, staff, requestId, {
      action: `${kind}.updated`,
      entityType: kind,
      entityId: after.id,
      changes: { offeringId, ...changesOf(before, after) },
    });
    return after;
  });
}

export function updatePriceRule(
  db: Db,
  input: UpdatePriceRuleInput,
  staff: StaffMember,
  requestId: string,
) {
  const { priceRuleId, ...changes } = input;
  return auditedUpdate(db, staff, requestId, 'price_rule', async (tx) => {
    const stored = await tx
      .selectFrom('priceRules')
      .select([...priceRuleColumns, 'offeringId'])
      .where('id', '=', priceRuleId)
      .where('orgId', '=', staff.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!stored) throw notFound('This price rule');
    const { id, offeringId, ...fields } = stored;
    const updated = mergeChecked(priceRuleRules, fields, changes);
    await checkTicketTypeOf(tx, offeringId, updated.ticketTypeId);
    const after = await tx
      .updateTable('priceRules')
      .set(updated)
      .where('id', '=', id)
      .returning(priceRuleColumns)
      .executeTakeFirstOrThrow();
    return { offeringId, before: stored, after };
  });
}

/**
 * The row lock queues redemptions (a guarded UPDATE of the same row) behind the change, so
 * the count read here is the count the new limit must stay above.
 */
export function updatePromoCode(
  db: Db,
  input: UpdatePromoCodeInput,
  staff: StaffMember,
  requestId: string,
) {
  const { promoCodeId, ...changes } = input;
  return auditedUpdate(db, staff, requestId, 'promo_code', async (tx) => {
    const stored = await tx
      .selectFrom('promoCodes as p')
      .leftJoin('offerings as o', 'o.id', 'p.offeringId')
      .select(promoCodeColumns.map((column) => `p.${column}` as const))
      .select(['p.offeringId', 'p.currency', 'o.currency as offeringCurrency'])
      .where('p.id', '=', promoCodeId)
      .where('p.orgId', '=', staff.orgId)
      .forUpdate('p')
      .executeTakeFirst();
    if (!stored) throw notFound('This promo code');
    const {
      id,
      offeringId,
      currency,
      offeringCurrency,
      redeemedCount,
      active: _,
      ...fields
    } = stored;
    const updated = mergeChecked(promoCodeRules, fields, changes);
    if (updated.maxRedemptions !== null && updated.maxRedemptions < redeemedCount)
      throw new AppError(
        'CONFLICT',
        `${updated.code} was used ${redeemedCount} times already: allow at least ${redeemedCount} uses.`,
        { field: 'maxRedemptions', redeemedCount },
      );
    if (updated.code !== fields.code) await checkCodeFree(tx, staff.orgId, updated.code, id);
    const after = await tx
      .updateTable('promoCodes')
      .set({
        ...updated,
        // An org-wide code (no offering) keeps the currency it was made with.
        currency: promoCurrency(updated.discountKind, offeringCurrency ?? currency),
      })
      .where('id', '=', id)
      .returning(promoCodeColumns)
      .executeTakeFirstOrThrow();
    return { offeringId, before: stored, after };
  });
}

/** Under the same row lock as holds that reserve the add-on, so the count read here holds. */
export function updateAddOn(
  db: Db,
  input: UpdateAddOnInput,
  staff: StaffMember,
  requestId: string,
) {
  const { addOnId, ...changes } = input;
  return auditedUpdate(db, staff, requestId, 'add_on', async (tx) => {
    const stored = await tx
      .selectFrom('addOns')
      .select([...addOnColumns, 'offeringId'])
      .where('id', '=', addOnId)
      .where('orgId', '=', staff.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!stored) throw notFound('This extra');
    const { id, offeringId, currency: _currency, active: _active, ...fields } = stored;
    const updated = mergeChecked([], fields, changes);
    if (updated.stock !== null && updated.stock !== fields.stock) {
      const used = await addOnInUse(tx, id);
      if (updated.stock < used)
        throw new AppError(
          'CONFLICT',
          `${updated.name}: ${used} are held or sold already, so the stock cannot go below ${used}.`,
          { field: 'stock', used },
        );
    }
    const after = await tx
      .updateTable('addOns')
      .set(updated)
      .where('id', '=', id)
      .returning(addOnColumns)
      .executeTakeFirstOrThrow();
    return { offeringId, before: stored, after };
  });
}
