import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { PromoDiscount } from '../pricing';
import type { Tx } from '../shared/idempotency';

/**
 * Redeems a promo code for one booking. The usage limit holds under any race: the count
 * goes up only through a guarded UPDATE (`redeemed_count < max_redemptions`).
 */
export async function redeemPromo(
  tx: Tx,
  claim: PromoClaim,
): Promise<PromoDiscount & { id: string }> {
  const promo = await findPromo(tx, claim);
  const redeemed = await tx
    .updateTable('promoCodes')
    .set((eb) => ({ redeemedCount: eb('redeemedCount', '+', 1) }))
    .where('id', '=', promo.id)
    .where((eb) =>
      eb.or([eb('maxRedemptions', 'is', null), eb('redeemedCount', '<', eb.ref('maxRedemptions'))]),
    )
    .returning('id')
    .executeTakeFirst();
  if (!redeemed) throw new AppError('PROMO_INVALID', `The code ${claim.code} has been fully used.`);
  return promo;
}

export interface PromoClaim {
  orgId: string;
  offeringId: string;
  code: string;
  currency: string;
}

/** The promo a code names if it applies to this booking now (without using it up). */
export async function findPromo(
  db: Tx | Db,
  claim: PromoClaim,
): Promise<PromoDiscount & { id: string }> {
  const promo = await db
    .selectFrom('promoCodes')
    .select([
      'id',
      'offeringId',
      'discountKind',
      'discountValue',
      'currency',
      'active',
      'maxRedemptions',
      'redeemedCount',
    ])
    .select(
      sql<boolean>`(valid_from IS NULL OR valid_from <= now()) AND (valid_until IS NULL OR valid_until > now())`.as(
        'current',
      ),
    )
    .where('orgId', '=', claim.orgId)
    .where('code', '=', claim.code)
    .executeTakeFirst();
  const applies =
    promo?.active &&
    promo.current &&
    (promo.offeringId === null || promo.offeringId === claim.offeringId) &&
    (promo.discountKind !== 'amount' || promo.currency === claim.currency);
  if (!promo || !applies)
    throw new AppError('PROMO_INVALID', `The code ${claim.code} is not valid for this booking.`);
  if (promo.maxRedemptions !== null && promo.redeemedCount >= promo.maxRedemptions) {
    throw new AppError('PROMO_INVALID', `The code ${claim.code} has been fully used.`);
  }
  return { id: promo.id, discountKind: promo.discountKind, discountValue: promo.discountValue };
}

/** Gives a redemption back (a booking cancelled or expired before it was paid). */
export async function returnPromo(tx: Tx, promoCodeId: string): Promise<void> {
  await tx
    .updateTable('promoCodes')
    .set((eb) => ({ redeemedCount: eb('redeemedCount', '-', 1) }))
    .where('id', '=', promoCodeId)
    .where('redeemedCount', '>', 0)
    .execute();
}
