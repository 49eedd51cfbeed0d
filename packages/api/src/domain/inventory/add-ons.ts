import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { Tx } from '../shared/idempotency';

/**
 * How many of an add-on live holds (unexpired) and live bookings have: expired holds never
 * block anyone, and no counter needs tidying. Read under a lock on the add-on's row.
 */
export async function addOnInUse(tx: Tx, addOnId: string): Promise<number> {
  const { rows } = await sql<{ used: number }>`
    SELECT
      coalesce((SELECT sum(hi.quantity) FROM hold_items hi JOIN holds h ON h.id = hi.hold_id
                WHERE hi.add_on_id = ${addOnId} AND h.status = 'active' AND h.expires_at > now()), 0)
      + coalesce((SELECT sum(bi.quantity) FROM booking_items bi JOIN bookings b ON b.id = bi.booking_id
                  WHERE bi.add_on_id = ${addOnId} AND bi.status = 'live'
                    AND b.status IN ('pending_payment', 'confirmed')), 0) AS used
  `.execute(tx);
  return Number(rows[0]?.used ?? 0);
}

/** Checks an add-on's stock under a lock on its row (staff changing the stock take it too). */
export async function reserveAddOn(
  tx: Tx,
  claim: { addOnId: string; name: string; stock: number | null; quantity: number },
) {
  if (claim.stock === null) return;
  await tx.selectFrom('addOns').select('id').where('id', '=', claim.addOnId).forUpdate().execute();
  const used = await addOnInUse(tx, claim.addOnId);
  if (used + claim.quantity > claim.stock) {
    throw new AppError('SOLD_OUT', `Only ${Math.max(0, claim.stock - used)} ${claim.name} left.`, {
      addOnId: claim.addOnId,
    });
  }
}
