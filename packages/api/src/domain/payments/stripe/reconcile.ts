import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import type Stripe from 'stripe';
import type { InventoryEvents } from '../../events/inventory';
import type { PaymentProvider } from '../provider';
import { handleStripeEvent } from './webhook';

/**
 * For the worker's schedule: asks Stripe about Checkout Sessions still pending after
 * `olderThanMinutes`, and applies what it says through the webhook path, under a
 * synthetic event id per session and state, so a lost webhook never leaves a booking stuck
 * and a late real webhook changes nothing twice.
 */
export async function reconcileStripePayments(
  db: Db,
  stripe: Stripe,
  deps: { provider: PaymentProvider; events: InventoryEvents },
  { olderThanMinutes = 15, limit = 100 } = {},
): Promise<{ checked: number; settled: number; expired: number; failed: number }> {
  const pending = await db
    .selectFrom('payments')
    .select(['providerRef'])
    .where('provider', '=', 'stripe')
    .where('status', '=', 'pending')
    .where('providerRef', 'is not', null)
    .where('createdAt', '<', sql<Date>`now() - make_interval(mins => ${olderThanMinutes})`)
    .orderBy('createdAt')
    .limit(limit)
    .execute();
  const tally = { checked: 0, settled: 0, expired: 0, failed: 0 };
  for (const { providerRef } of pending) {
    if (!providerRef) continue;
    tally.checked += 1;
    let session: Stripe.Checkout.Session;
    try {
      session = await stripe.checkout.sessions.retrieve(providerRef);
    } catch (error) {
      // One session Stripe cannot answer for must not stop the others; the next run retries.
      tally.failed += 1;
      console.warn(
        `reconcile ${providerRef}: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    const paid = session.status === 'complete' && session.payment_status === 'paid';
    if (!paid && session.status !== 'expired') continue;
    const base = {
      object: 'event' as const,
      api_version: null,
      created: Math.floor(Date.now() / 1000),
      livemode: session.livemode,
      pending_webhooks: 0,
      request: { id: null, idempotency_key: null },
      data: { object: session },
    };
    const event: Stripe.Event = paid
      ? { ...base, id: `reconcile_${session.id}_completed`, type: 'checkout.session.completed' }
      : { ...base, id: `reconcile_${session.id}_expired`, type: 'checkout.session.expired' };
    await handleStripeEvent(db, event, deps);
    if (paid) tally.settled += 1;
    else tally.expired += 1;
  }
  return tally;
}
