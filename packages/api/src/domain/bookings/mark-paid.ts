import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import type { InventoryEvents } from '../events/inventory';
import { settlePayment, type SettleOutcome } from './settle';

/** Staff took the money at the venue (or saw the transfer): the offline payment is settled. */
export async function markOfflinePaymentPaid(
  db: Db,
  reference: string,
  staff: StaffMember,
  deps: { events: InventoryEvents; requestId: string },
): Promise<{ outcome: SettleOutcome }> {
  const result = await db.transaction().execute(async (tx) => {
    const payment = await tx
      .selectFrom('payments as p')
      .innerJoin('bookings as b', 'b.id', 'p.bookingId')
      .select(['p.id', 'p.amount', 'b.id as bookingId', 'b.occurrenceId'])
      .where('b.reference', '=', reference)
      .where('b.orgId', '=', staff.orgId)
      .where('p.provider', '=', 'offline')
      .orderBy('p.createdAt', 'desc')
      .executeTakeFirst();
    if (!payment)
      throw new AppError(
        'NOT_FOUND',
        'No booking of your organisation with a pay-at-venue payment has this reference.',
      );
    const { outcome, refundId } = await settlePayment(tx, {
      paymentId: payment.id,
      amount: payment.amount,
    });
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'payment.marked_paid',
      entityType: 'booking',
      entityId: payment.bookingId,
      changes: { paymentId: payment.id, amount: payment.amount, outcome, refundId },
      requestId: deps.requestId,
    });
    return { outcome, occurrenceId: payment.occurrenceId };
  });
  if (result.outcome === 'confirmed')
    deps.events.changed({ orgId: staff.orgId, occurrenceId: result.occurrenceId ?? undefined });
  return { outcome: result.outcome };
}
