import type { Db } from '@tessera/db';
import { AppError, notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import type { Tx } from '../shared/idempotency';
import { auditCatalogChange } from './audit';
import { addOnColumns, priceRuleColumns, promoCodeColumns } from './columns';
import {
  CreateAddOnInput,
  CreatePriceRuleInput,
  CreatePromoCodeInput,
  type OfferingExtras,
} from './extras-schemas';
import { ownOffering } from './offerings';

// Price rules, promo codes and add-ons of one offering, each created with its audit entry.

/** A price rule's ticket type must be one of the rule's offering. */
export async function checkTicketTypeOf(tx: Tx, offeringId: string, ticketTypeId: string | null) {
  if (!ticketTypeId) return;
  const ticketType = await tx
    .selectFrom('ticketTypes')
    .select('id')
    .where('id', '=', ticketTypeId)
    .where('offeringId', '=', offeringId)
    .executeTakeFirst();
  if (!ticketType) throw notFound('This ticket type');
}

/** Codes are unique in an org (customers type them without saying which offering). */
export async function checkCodeFree(tx: Tx, orgId: string, code: string, promoCodeId?: string) {
  const taken = await tx
    .selectFrom('promoCodes')
    .select('id')
    .where('orgId', '=', orgId)
    .where('code', '=', code)
    .$if(promoCodeId !== undefined, (query) => query.where('id', '<>', promoCodeId ?? ''))
    .executeTakeFirst();
  if (taken)
    throw new AppError('CONFLICT', `The code ${code} is already in use.`, { field: 'code' });
}

/** An amount off is in the offering's currency; a percentage has none. */
export const promoCurrency = (
  discountKind: 'percent_bp' | 'amount',
  offeringCurrency: string | null,
) => (discountKind === 'amount' ? offeringCurrency : null);

export function createPriceRule(
  db: Db,
  rawInput: CreatePriceRuleInput,
  staff: StaffMember,
  requestId: string,
) {
  const { offeringId, ...input } = CreatePriceRuleInput.parse(rawInput);
  return db.transaction().execute(async (tx) => {
    await ownOffering(tx, staff.orgId, offeringId);
    await checkTicketTypeOf(tx, offeringId, input.ticketTypeId);
    const rule = await tx
      .insertInto('priceRules')
      .values({ orgId: staff.orgId, offeringId, ...input })
      .returning(priceRuleColumns)
      .executeTakeFirstOrThrow();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'price_rule.created',
      entityType: 'price_rule',
      entityId: rule.id,
      changes: { offeringId, ...input },
    });
    return rule;
  });
}

export function createPromoCode(
  db: Db,
  rawInput: CreatePromoCodeInput,
  staff: StaffMember,
  requestId: string,
) {
  const { offeringId, ...input } = CreatePromoCodeInput.parse(rawInput);
  return db.transaction().execute(async (tx) => {
    const offering = await ownOffering(tx, staff.orgId, offeringId);
    await checkCodeFree(tx, staff.orgId, input.code);
    const promo = await tx
      .insertInto('promoCodes')
      .values({
        orgId: staff.orgId,
        offeringId,
        ...input,
        currency: promoCurrency(input.discountKind, offering.currency),
      })
      .returning(promoCodeColumns)
      .executeTakeFirstOrThrow();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'promo_code.created',
      entityType: 'promo_code',
      entityId: promo.id,
      changes: { offeringId, ...input },
    });
    return promo;
  });
}

export function createAddOn(
  db: Db,
  rawInput: CreateAddOnInput,
  staff: StaffMember,
  requestId: string,
) {
  const { offeringId, ...input } = CreateAddOnInput.parse(rawInput);
  return db.transaction().execute(async (tx) => {
    const offering = await ownOffering(tx, staff.orgId, offeringId);
    const addOn = await tx
      .insertInto('addOns')
      .values({ orgId: staff.orgId, offeringId, currency: offering.currency, ...input })
      .returning(addOnColumns)
      .executeTakeFirstOrThrow();
    await auditCatalogChange(tx, staff, requestId, {
      action: 'add_on.created',
      entityType: 'add_on',
      entityId: addOn.id,
      changes: { offeringId, ...input },
    });
    return addOn;
  });
}

export async function offeringExtras(
  db: Db,
  orgId: string,
  offeringId: string,
): Promise<OfferingExtras> {
  await ownOffering(db, orgId, offeringId);
  const [priceRules, promoCodes, addOns] = await Promise.all([
    db
      .selectFrom('priceRules')
      .select(priceRuleColumns)
      .where('offeringId', '=', offeringId)
      .orderBy('kind')
      .orderBy('threshold')
      .execute(),
    db
      .selectFrom('promoCodes')
      .select(promoCodeColumns)
      .where('offeringId', '=', offeringId)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('addOns')
      .select(addOnColumns)
      .where('offeringId', '=', offeringId)
      .orderBy('name')
      .execute(),
  ]);
  return { priceRules, promoCodes, addOns };
}
