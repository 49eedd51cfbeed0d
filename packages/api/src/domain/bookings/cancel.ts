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
import { cancellationVerdict } from './cancellation-policy';

export type CancelRequester =
  | { kind: 'guest'; email: string }
  | { kind: 'customer'; userId: string; email?: string }
  | { kind: 'staff'; orgId: string };

type BookingToCancel = Awaited<ReturnType<typeof findBookingToCancel>>;

interface Cancelled {
  orgId: string;
  occurrenceId: string | null;
  refundId: string | null;
}

/**
 * Cancels a booking under its offering's policy: inventory goes back on sale, tickets stop
 * admitting, and what was paid is refunded through the provider it was paid with.
 */
export async function cancelBooking(
  db: Db,
  reference: string,
  requester: CancelRequester,
  deps: CancellationDeps,
  now = new Date(),
): Promise<{ refundId: string | null }> {
  const result = await db.transaction().execute(async (tx) => {
    const booking = await findBookingToCancel(tx, reference, requester, { lock: true });
    const verdict = cancellationVerdict(
      {
        status: booking.status,
        startsAt: booking.startsAt,
        cutoffHours: booking.cancellationCutoffHours,
      },
      now,
    );
    if (!verdict.allowed) throw new AppError('CONFLICT', verdict.reason);
    return cancelLockedBooking(tx, booking, {
      refundAmount: booking.paidAmount - booking.refundedAmount,
      reason: 'customer_cancellation',
    });
  });
  await afterCancellation(db, result, deps);
  return { refundId: result.refundId };
}

export interface CancellationDeps {
  provider: PaymentProvider;
  events: InventoryEvents;
}

/**
 * The cancellation itself, on a booking locked by `findBookingToCancel` in `tx`, refunding
 * `refundAmount` (the policy's, or what staff decided). Whoever calls it decided it may happen.
 */
export async function cancelLockedBooking(
  tx: Tx,
  booking: BookingToCancel,
  refund: { refundAmount: number; reason: 'customer_cancellation' | 'staff' },
): Promise<Cancelled> {
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

  let refundId: string | null = null;
  if (refund.refundAmount > 0) {
    const paid = await refundablePayment(tx, booking.id);
    refundId = await createRefund(tx, {
      orgId: booking.orgId,
      paymentId: paid.id,
      bookingId: booking.id,
      amount: refund.refundAmount,
      currency: booking.currency,
      reason: refund.reason,
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
        refundAmount: refund.refundAmount,
        currency: booking.currency,
      },
    },
  ]);
  return { orgId: booking.orgId, occurrenceId: booking.occurrenceId, refundId };
}

/** After the commit: the places are announced free and the refund goes to the provider. */
export async function afterCancellation(db: Db, cancelled: Cancelled, deps: CancellationDeps) {
  deps.events.changed({
    orgId: cancelled.orgId,
    occurrenceId: cancelled.occurrenceId ?? undefined,
  });
  if (cancelled.refundId) await sendRefund(db, cancelled.refundId, deps.provider);
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

/**
 * The booking `requester` may cancel, with what the policy needs; the same refusal for
 * "no such booking" and "not yours", so references cannot be probed.
 */
export async function findBookingToCancel(
  db: Db | Tx,
  reference: string,
  requester: CancelRequester,
  { lock }: { lock: boolean },
) {
  let query = db
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
    .where('b.reference', '=', reference);
  if (lock) query = query.forUpdate('b');
  const booking = await query.executeTakeFirst();
  const mayCancel =
    booking &&
    (requester.kind === 'guest'
      ? booking.contactEmail === requester.email
      : requester.kind === 'staff'
        ? booking.orgId === requester.orgId
        : booking.customerUserId === requester.userId);
  if (!booking || !mayCancel)
    throw new AppError(
      'NOT_FOUND',
      requester.kind === 'staff'
        ? 'No booking of your organisation has this reference.'
        : 'No booking matches this reference and email.',
    );
  return booking;
}
