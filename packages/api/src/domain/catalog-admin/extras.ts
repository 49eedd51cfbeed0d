import type { Db } from '@tessera/db';
import { AppError, notFound } from '../../errors';
import type { StaffMember } from '../access/membership';
import { auditCatalogChange } from './audit';
import {
  CreateAddOnInput,
  CreatePriceRuleInput,
  CreatePromoCodeInput,
  type OfferingExtras,
} from './extras-schemas';
import { ownOffering } from './offerings';

// Price rules, promo codes and add-ons of one offering, each created with its audit entry.

export function createPriceRule(
  db: Db,
  rawInput: CreatePriceRuleInput,
  staff: StaffMember,
  requestId: string,
) {
  const { offeringId, ...input } = CreatePriceRuleInput.parse(rawInput);
  return db.transaction().execute(async (tx) => {
    await ownOffering(tx, staff.orgId, offeringId);
    if (input.ticketTypeId) {
      const ticketType = await tx
        .selectFrom('ticketTypes')
        .select('id')
        .where('id', '=', input.ticketTypeId)
        .where('offeringId', '=', offeringId)
        .executeTakeFirst();
      if (!ticketType) throw notFound('This ticket type');
    }
    const rule = await tx
      .insertInto('priceRules')
      .values({ orgId: staff.orgId, offeringId, ...input })
      .returning([
        'id',
        'ticketTypeId',
        'kind',
        'threshold',
        'adjustmentKind',
        'adjustmentValue',
        'priority',
      ])
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
    const taken = await tx
      .selectFrom('promoCodes')
      .select('id')
      .where('orgId', '=', staff.orgId)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (taken)
      throw new AppError('CONFLICT', `The code ${input.code} is already in use.`, {
        field: 'code',
      });
    const promo = await tx
      .insertInto('promoCodes')
      .values({
        orgId: staff.orgId,
        offeringId,
        ...input,
        currency: input.discountKind === 'amount' ? offering.currency : null,
      })
      .returning([
        'id',
        'code',
        'discountKind',
        'discountValue',
        'maxRedemptions',
        'redeemedCount',
        'validFrom',
        'validUntil',
      ])
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
      .returning(['id', 'name', 'priceAmount', 'currency', 'perItem', 'maxPerOrder', 'stock'])
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
      .select([
        'id',
        'ticketTypeId',
        'kind',
        'threshold',
        'adjustmentKind',
        'adjustmentValue',
        'priority',
      ])
      .where('offeringId', '=', offeringId)
      .orderBy('kind')
      .orderBy('threshold')
      .execute(),
    db
      .selectFrom('promoCodes')
      .select([
        'id',
        'code',
        'discountKind',
        'discountValue',
        'maxRedemptions',
        'redeemedCount',
        'validFrom',
        'validUntil',
      ])
      .where('offeringId', '=', offeringId)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('addOns')
      .select(['id', 'name', 'priceAmount', 'currency', 'perItem', 'maxPerOrder', 'stock'])
      .where('offeringId', '=', offeringId)
      .orderBy('name')
      .execute(),
  ]);
  return { priceRules, promoCodes, addOns };
}
