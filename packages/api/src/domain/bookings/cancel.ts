import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { InventoryEvents } from '../events/inventory';
import { releaseInventoryOfHold } from '../inventory/release';
import type { PaymentProvider } from '../payments/provider';
import { createRefund, refundablePayment, sendRefund } from '../payments/refunds';
import type { Tx } from '../shared/idempotency';
import { enqueueOutbox } from '../shared/outbox';
import { returnPromo } from './promo';
import { cancellationDeadline } from './view';

export type CancelRequester =
  { kind: 'guest'; email: string } | { kind: 'customer'; userId: string; email?: string };

/**
 * Cancels a booking under its offering's policy: inventory goes back on sale, tickets stop
 * admitting, and what was paid is refunded through the provider it was paid with.
 */
export async function cancelBooking(
  db: Db,
  reference: string,
  requester: CancelRequester,
  deps: { provider: PaymentProvider; events: InventoryEvents },
  now = new Date(),
): Promise<{ refundId: string | null }> {
  const result = await db.transaction().execute(async (tx) => {
    const booking = await tx
      .selectFrom('bookings as b')
      .innerJoin('offerings as o', 'o.id', 'b.offeringId')
      .leftJoin('occurrences as oc', 'oc.id', 'b.occurrenceId')
      .select([
        'b.id',
        'b.orgId',
        'b.reference',
        'b.status',
        'b.holdId',
        'b.occurrenceId',
        'b.customerUserId',
        'b.contactEmail',
        'b.paidAmount',
        'b.refundedAmount',
        'b.currency',
        'b.promoCodeId',
        'o.cancellationCutoffHours',
        sql<Date | null>`coalesce(oc.starts_at, (SELECT min(starts_at) FROM booking_items WHERE booking_id = b.id))`.as(
          'startsAt',
        ),
      ])
      .where('b.reference', '=', reference)
      .forUpdate('b')
      .executeTakeFirst();
    const mayCancel =
      booking &&
      (requester.kind === 'guest'
        ? booking.contactEmail === requester.email
        : booking.customerUserId === requester.userId);
    // The same answer for "no such booking" and "not yours": references are not to be probed.
    if (!booking || !mayCancel)
      throw new AppError('NOT_FOUND', 'No booking matches this reference and email.');
    if (booking.status !== 'confirmed' && booking.status !== 'pending_payment') {
      throw new AppError(
        'CONFLICT',
        `This booking is already ${booking.status.replace('_', ' ')}.`,
      );
    }
    const until = cancellationDeadline(booking.startsAt, booking.cancellationCutoffHours);
    if (!until || now >= until) {
      throw new AppError(
        'CONFLICT',
        'This booking can no longer be cancelled online. Please contact the organiser.',
      );
    }

    await tx
      .updateTable('bookings')
      .set({ status: 'cancelled', cancelledAt: sql<Date>`now()`, updatedAt: sql<Date>`now()` })
      .where('id', '=', booking.id)
      .execute();
    await tx
      .updateTable('bookingItems')
      .set({ status: 'cancelled' })
      .where('bookingId', '=', booking.id)
      .execute();
    await tx
      .updateTable('tickets')
      .set({ status: 'void' })
      .where('bookingId', '=', booking.id)
      .execute();
    await freeInventoryOfBooking(tx, booking.id, booking.holdId);
    await tx
      .updateTable('payments')
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where('bookingId', '=', booking.id)
      .where('status', '=', 'pending')
      .execute();
    if (booking.promoCodeId && booking.status === 'pending_payment')
      await returnPromo(tx, booking.promoCodeId);

    const refundable = booking.paidAmount - booking.refundedAmount;
    let refundId: string | null = null;
    if (refundable > 0) {
      const paid = await refundablePayment(tx, booking.id);
      refundId = await createRefund(tx, {
        orgId: booking.orgId,
        paymentId: paid.id,
        bookingId: booking.id,
        amount: refundable,
        currency: booking.currency,
        reason: 'customer_cancellation',
        idempotencyKey: `cancel:${booking.id}`,
      });
    }
    await enqueueOutbox(tx, [
      {
        orgId: booking.orgId,
        aggregateType: 'booking',
        aggregateId: booking.id,
        eventType: 'booking.cancelled',
        payload: {
          reference: booking.reference,
          refundAmount: refundable,
          currency: booking.currency,
        },
      },
    ]);
    return { orgId: booking.orgId, occurrenceId: booking.occurrenceId, refundId };
  });
  deps.events.changed({ orgId: result.orgId, occurrenceId: result.occurrenceId ?? undefined });
  if (result.refundId) await sendRefund(db, result.refundId, deps.provider);
  return { refundId: result.refundId };
}

async function freeInventoryOfBooking(tx: Tx, bookingId: string, holdId: string | null) {
  await tx
    .updateTable('occurrenceSeats')
    .set({ status: 'free', bookingId: null, holdId: null, heldUntil: null, updatedAt: new Date() })
    .where('bookingId', '=', bookingId)
    .execute();
  await tx
    .updateTable('ticketUnits')
    .set({ status: 'free', bookingId: null, holdId: null, heldUntil: null, updatedAt: new Date() })
    .where('bookingId', '=', bookingId)
    .execute();
  await tx
    .updateTable('slotReservations')
    .set({ releasedAt: sql<Date>`now()` })
    .where('bookingId', '=', bookingId)
    .where('releasedAt', 'is', null)
    .execute();
  // A booking still waiting for payment holds its inventory through its hold.
  if (holdId) await releaseInventoryOfHold(tx, holdId);
}
