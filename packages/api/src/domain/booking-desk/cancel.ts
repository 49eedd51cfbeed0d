import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import {
  afterCancellation,
  cancelLockedBooking,
  findBookingToCancel,
  type CancellationDeps,
} from '../bookings/cancel';
import { cancellationVerdict } from '../bookings/cancellation-policy';
import type { StaffCancelInput } from './schemas';

/**
 * Staff cancel a booking at any time before it is settled otherwise: the policy's refund
 * (everything before the customer's cut-off, nothing after) unless they decide an amount.
 */
export async function staffCancelBooking(
  db: Db,
  input: StaffCancelInput,
  staff: StaffMember,
  deps: CancellationDeps & { requestId: string },
  now = new Date(),
): Promise<{ refundId: string | null; refundAmount: number }> {
  const result = await db.transaction().execute(async (tx) => {
    const booking = await findBookingToCancel(
      tx,
      input.reference,
      { kind: 'staff', orgId: staff.orgId },
      { lock: true },
    );
    if (booking.status !== 'confirmed' && booking.status !== 'pending_payment')
      throw new AppError(
        'CONFLICT',
        `This booking is already ${booking.status.replace('_', ' ')}.`,
      );
    const pending = await tx
      .selectFrom('refunds')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount'), eb.val('0')).as('total'))
      .where('bookingId', '=', booking.id)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    const refundable = booking.paidAmount - booking.refundedAmount - Number(pending.total);
    const verdict = cancellationVerdict(
      {
        status: booking.status,
        startsAt: booking.startsAt,
        cutoffHours: booking.cancellationCutoffHours,
      },
      now,
    );
    const refundAmount = input.refundAmount ?? (verdict.allowed ? refundable : 0);
    if (refundAmount > refundable)
      throw new AppError(
        'VALIDATION',
        `At most ${refundable} (minor units) can be refunded on this booking.`,
        { refundable },
      );
    const cancelled = await cancelLockedBooking(tx, booking, { refundAmount, reason: 'staff' });
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'booking.cancelled',
      entityType: 'booking',
      entityId: booking.id,
      changes: {
        status: { from: booking.status, to: 'cancelled' },
        refundAmount,
        refund: input.refundAmount === undefined ? 'policy' : 'override',
        reason: input.reason ?? null,
      },
      requestId: deps.requestId,
    });
    return { ...cancelled, refundAmount };
  });
  await afterCancellation(db, result, deps);
  return { refundId: result.refundId, refundAmount: result.refundAmount };
}
