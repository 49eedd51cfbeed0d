import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import { holdView } from '../holds/store';
import {
  priceBreakdown,
  type PriceBreakdown,
  type PromoDiscount,
  type TaxRateInput,
} from '../pricing';
import type { Tx } from '../shared/idempotency';
import { findPromo } from './promo';

export async function taxRateOf(db: Db | Tx, offeringId: string): Promise<TaxRateInput | null> {
  const rate = await db
    .selectFrom('offerings as o')
    .innerJoin('taxRates as t', 't.id', 'o.taxRateId')
    .select(['t.rateBasisPoints', 't.inclusive'])
    .where('o.id', '=', offeringId)
    .executeTakeFirst();
  return rate ?? null;
}

/** A hold's price as checkout will charge it: lines, promo discount and tax. */
export async function priceOfHold(
  db: Db | Tx,
  holdId: string,
  promo: PromoDiscount | null,
): Promise<PriceBreakdown & { taxInclusive: boolean }> {
  const view = await holdView(db, holdId);
  const taxRate = await taxRateOf(db, view.offeringId);
  const lines = view.items.map((item) => ({
    description: item.description,
    quantity: item.quantity,
    unitAmount: item.unitPrice.amount,
  }));
  return {
    ...priceBreakdown(lines, { currency: view.total.currency, promo, taxRate }),
    taxInclusive: taxRate?.inclusive ?? true,
  };
}

/** What checkout would charge, with a promo code tried but not used up (the customer is still deciding). */
export async function quoteHold(db: Db, holdId: string, promoCode: string | undefined) {
  const hold = await db
    .selectFrom('holds')
    .select(['orgId', 'offeringId', 'currency', 'status'])
    .where('id', '=', holdId)
    .executeTakeFirst();
  if (!hold) throw new AppError('NOT_FOUND', 'This hold was not found.');
  const promo = promoCode
    ? await findPromo(db, {
        orgId: hold.orgId,
        offeringId: hold.offeringId,
        code: promoCode,
        currency: hold.currency,
      })
    : null;
  return priceOfHold(db, holdId, promo);
}
