import { randomUUID } from 'node:crypto';
import { createStaffUser } from '@tessera/db/seed';
import type { ApiTest } from './api-test';
import { generalAdmission } from './engine-fixtures';

/**
 * A general-admission date (ticket type of `quota` places) whose offering also has, made by
 * its owner through the API: an unsold ticket type, a price rule, a promo code and an add-on.
 */
export async function offeringWithExtras(
  t: ApiTest,
  { quota = 10, addOnStock = null as number | null } = {},
) {
  const ga = await generalAdmission(t.db, { quota });
  const owner = (await createStaffUser(t.db, { org: ga.org, role: 'owner' })).user;
  const staff = await t.caller({ userId: owner.id });
  const offeringId = ga.offering.id;
  const unsold = await staff.staff.catalog.createTicketType({
    offeringId,
    name: 'Balcony',
    priceAmount: 3000,
    quotaPerOccurrence: 5,
  });
  const rule = await staff.staff.catalog.createPriceRule({
    offeringId,
    kind: 'occupancy',
    threshold: 80,
    adjustmentKind: 'percent_bp',
    adjustmentValue: 1000,
  });
  const promo = await staff.staff.catalog.createPromoCode({
    offeringId,
    code: `SPRING${randomUUID().slice(0, 4)}`,
    discountKind: 'percent_bp',
    discountValue: 1000,
  });
  const addOn = await staff.staff.catalog.createAddOn({
    offeringId,
    name: 'Programme',
    priceAmount: 500,
    stock: addOnStock,
  });
  return { ...ga, owner, staff, unsold, rule, promo, addOn };
}
