import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import type { PaymentProvider } from './provider';
import { createRefund, refundablePayment, sendRefund } from './refunds';

/**
 * Staff give money back, all of what remains or part of it, through the provider the
 * booking was paid with. The idempotency key makes a double click refund once.
 */
export async function refundBooking(
  db: Db,
  request: { reference: string; amount?: number; idempotencyKey: string },
  staff: StaffMember,
  deps: { provider: PaymentProvider; requestId: string },
): Promise<{ refundId: string; amount: number }> {
  const refund = await db.transaction().execute(async (tx) => {
    const booking = await tx
      .selectFrom('bookings')
      .select(['id', 'orgId', 'paidAmount', 'refundedAmount', 'currency'])
      .where('reference', '=', request.reference)
      .where('orgId', '=', staff.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!booking)
      throw new AppError('NOT_FOUND', 'No booking of your organisation has this reference.');
    const pendingRefunds = await tx
      .selectFrom('refunds')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.val(0)).as('total'))
      .where('bookingId', '=', booking.id)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    const refundable = booking.paidAmount - booking.refundedAmount - Number(pendingRefunds.total);
    const amount = request.amount ?? refundable;
    if (amount <= 0 || amount > refundable) {
      throw new AppError(
        'VALIDATION',
        `At most ${refundable} (minor units) can be refunded on this booking.`,
        { refundable },
      );
    }
    const payment = await refundablePayment(tx, booking.id);
    const refundId = await createRefund(tx, {
      orgId: booking.orgId,
      bookingId: booking.id,
      paymentId: payment.id,
      amount,
      currency: booking.currency,
      reason: 'staff',
      idempotencyKey: `staff:${request.idempotencyKey}`,
      requestedBy: staff.actor.userId,
    });
    await recordAudit(tx, {
      orgId: booking.orgId,
      actor: staff.actor,
      action: 'booking.refunded',
      entityType: 'booking',
      entityId: booking.id,
      changes: { refundId, amount, currency: booking.currency },
      requestId: deps.requestId,
    });
    return { refundId, amount };
  });
  await sendRefund(db, refund.refundId, deps.provider);
  return refund;
}
