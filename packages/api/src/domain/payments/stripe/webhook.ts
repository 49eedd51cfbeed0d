import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import type Stripe from 'stripe';
import type { InventoryEvents } from '../../events/inventory';
import type { Tx } from '../../shared/idempotency';
import type { PaymentProvider } from '../provider';
import { sendRefund } from '../refunds';
import {
  chargeRefunded,
  disputeCreated,
  paymentFailed,
  sessionCompleted,
  sessionExpired,
  type EventEffects,
} from './events';

export type EventOutcome = 'processed' | 'duplicate' | 'ignored';

/**
 * Handles one Stripe event exactly once (payment_events is unique on the event id) and in
 * any order, in one transaction with the change it causes: the caller acknowledges the
 * webhook only after this returns. Refunds it calls for are sent after commit.
 */
export async function handleStripeEvent(
  db: Db,
  event: Stripe.Event,
  deps: { provider: PaymentProvider; events: InventoryEvents },
): Promise<EventOutcome> {
  const result = await db.transaction().execute(async (tx) => {
    const recorded = await tx
      .insertInto('paymentEvents')
      .values({
        provider: 'stripe',
        providerEventId: event.id,
        type: event.type,
        payload: JSON.stringify(event),
      })
      .onConflict((oc) => oc.columns(['provider', 'providerEventId']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!recorded) return { outcome: 'duplicate' as const, effects: null };
    const effects = await dispatch(tx, event);
    await tx
      .updateTable('paymentEvents')
      .set({ processedAt: sql<Date>`now()`, orgId: effects?.orgId ?? null })
      .where('id', '=', recorded.id)
      .execute();
    return { outcome: effects ? ('processed' as const) : ('ignored' as const), effects };
  });
  const effects = result.effects;
  if (effects?.orgId && effects.inventoryChangedOn)
    deps.events.changed({ orgId: effects.orgId, occurrenceId: effects.inventoryChangedOn });
  for (const refundId of effects?.refundIds ?? []) await sendRefund(db, refundId, deps.provider);
  return result.outcome;
}

function dispatch(tx: Tx, event: Stripe.Event): Promise<EventEffects | null> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return sessionCompleted(tx, event.data.object);
    case 'checkout.session.expired':
      return sessionExpired(tx, event.data.object);
    case 'payment_intent.payment_failed':
      return paymentFailed(tx, event.data.object);
    case 'charge.refunded':
      return chargeRefunded(tx, event.data.object);
    case 'charge.dispute.created':
      return disputeCreated(tx, event.data.object);
    default:
      return Promise.resolve(null);
  }
}
