import type { Db } from '@tessera/db';
import { OFFLINE_INSTRUCTIONS, offlinePayments } from './offline';
import type { PaymentProvider } from './provider';
import type { CheckoutResult } from '../bookings/schemas';

type PaymentView = NonNullable<CheckoutResult['payment']>;

/**
 * Asks the provider for a payment once per payment row (a retried checkout reuses it),
 * outside any transaction, and records what it answered.
 */
export async function startPayment(
  db: Db,
  paymentId: string,
  provider: PaymentProvider,
): Promise<PaymentView> {
  const payment = await db
    .selectFrom('payments as p')
    .innerJoin('bookings as b', 'b.id', 'p.bookingId')
    .select([
      'p.id',
      'p.orgId',
      'p.provider',
      'p.status',
      'p.amount',
      'p.currency',
      'p.providerRef',
      'p.checkoutUrl',
      'p.dueAt',
      'b.id as bookingId',
      'b.reference',
      'b.status as bookingStatus',
      'b.contactEmail',
      'b.paymentDueAt',
    ])
    .where('p.id', '=', paymentId)
    .executeTakeFirstOrThrow();
  let redirectUrl = payment.checkoutUrl;
  let instructions = payment.provider === offlinePayments.name ? OFFLINE_INSTRUCTIONS : null;
  // A started payment's own deadline (a balance's), else the booking's.
  let dueAt = payment.dueAt ?? payment.paymentDueAt;
  if (
    payment.status === 'pending' &&
    payment.providerRef === null &&
    payment.provider === provider.name
  ) {
    // Line totals after discount and tax, so the lines add up to exactly what is charged.
    const items = await db
      .selectFrom('bookingItems')
      .select(['description', 'quantity', 'totalAmount'])
      .where('bookingId', '=', payment.bookingId)
      .orderBy('position')
      .execute();
    const itemised = items.map((item) =>
      item.totalAmount % item.quantity === 0
        ? {
            description: item.description,
            quantity: item.quantity,
            unitAmount: item.totalAmount / item.quantity,
          }
        : {
            description: `${item.description} × ${item.quantity}`,
            quantity: 1,
            unitAmount: item.totalAmount,
          },
    );
    // A balance (a move to dearer seats) is one line: the items add up to the whole booking.
    const lines =
      itemised.reduce((sum, line) => sum + line.quantity * line.unitAmount, 0) === payment.amount
        ? itemised
        : [
            {
              description: `Balance of booking ${payment.reference}`,
              quantity: 1,
              unitAmount: payment.amount,
            },
          ];
    // A confirmed booking's own deadline has passed: a balance gets the provider's usual time.
    dueAt =
      payment.bookingStatus === 'confirmed'
        ? provider.paymentDeadline(new Date(), null)
        : (payment.paymentDueAt ?? new Date());
    const started = await provider.startPayment({
      paymentId: payment.id,
      orgId: payment.orgId,
      bookingReference: payment.reference,
      amount: payment.amount,
      currency: payment.currency,
      customerEmail: payment.contactEmail,
      lines,
      dueAt,
    });
    redirectUrl = started.redirectUrl;
    instructions = started.instructions;
    await db
      .updateTable('payments')
      .set({
        providerRef: started.providerRef,
        checkoutUrl: started.redirectUrl,
        dueAt,
        updatedAt: new Date(),
      })
      .where('id', '=', payment.id)
      .execute();
  }
  return {
    provider: payment.provider,
    status: payment.status,
    amount: { amount: payment.amount, currency: payment.currency },
    redirectUrl,
    instructions,
    dueAt,
  };
}
