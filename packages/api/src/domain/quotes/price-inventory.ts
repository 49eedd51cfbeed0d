import type { Db } from '@tessera/db';
import { startOf } from '../bookings/checkout';
import { holdView } from '../holds/store';
import { holdInventoryOfOrg } from '../sales/hold-inventory';
import type { SaleInventory } from '../sales/schemas';
import type { QuoteLine } from './schemas';

export interface PricedInventory {
  offeringId: string;
  currency: string;
  startsAt: Date | null;
  lines: QuoteLine[];
}

/** Thrown to roll the dry run back once the engine has priced it. */
class PricingDryRunDone extends Error {}

/**
 * What the engine would charge for this inventory now, line by line: the hold is made (all
 * rules, prices and stock checks of a real sale) and rolled back, so nothing stays held.
 */
export async function priceInventory(
  db: Db,
  orgId: string,
  inventory: SaleInventory,
  now: Date,
): Promise<PricedInventory> {
  let priced: PricedInventory | undefined;
  try {
    await db.transaction().execute(async (tx) => {
      const requester = { clientKey: `quote:${orgId}`, userId: null, source: 'staff' as const };
      const { holdId } = await holdInventoryOfOrg(tx, orgId, inventory, requester, now);
      const view = await holdView(tx, holdId);
      priced = {
        offeringId: view.offeringId,
        currency: view.total.currency,
        startsAt: await startOf(tx, view.occurrenceId, view.items),
        lines: view.items.map((item) => ({
          kind: 'inventory',
          description: item.description,
          quantity: item.quantity,
          unitAmount: item.unitPrice.amount,
          amount: item.unitPrice.amount * item.quantity,
        })),
      };
      throw new PricingDryRunDone();
    });
  } catch (error) {
    if (!(error instanceof PricingDryRunDone)) throw error;
  }
  if (!priced) throw new Error('the pricing dry run ended without a price');
  return priced;
}
