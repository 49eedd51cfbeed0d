import type { Db } from '@tessera/db';
import { idempotent } from '../shared/idempotency';
import { enqueueOutbox } from '../shared/outbox';

export interface PaymentLinkEmail {
  orgId: string;
  bookingId: string;
  paymentUrl: string;
  dueAt: Date | null;
}

/**
 * Queues the payment link email of a sale once, however often the sale is retried: the
 * booking id is the key of an idempotency row written with the outbox row.
 */
export async function emailPaymentLinkOnce(db: Db, email: PaymentLinkEmail): Promise<void> {
  await idempotent(
    db,
    { scope: 'sales.payment-link-email', key: email.bookingId, request: {} },
    async (tx) => {
      await enqueueOutbox(tx, [
        {
          orgId: email.orgId,
          aggregateType: 'booking',
          aggregateId: email.bookingId,
          eventType: 'booking.payment_link_sent',
          payload: { paymentUrl: email.paymentUrl, dueAt: email.dueAt },
        },
      ]);
      return true;
    },
  );
}
