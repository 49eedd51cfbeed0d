import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import { cancellationVerdict } from '../bookings/cancellation-policy';
import { bookingRow, staffBookingsQuery } from './booking-facts';
import type { StaffBookingDetail } from './schemas';
import { bookingTimeline } from './timeline';

/** One booking of the org, as the console's booking page shows it. */
export async function staffBookingDetail(
  db: Db,
  orgId: string,
  reference: string,
  now = new Date(),
): Promise<StaffBookingDetail> {
  const booking = await staffBookingsQuery(db, orgId)
    .select(['b.holdId', 'b.channel'])
    .where('b.reference', '=', reference)
    .executeTakeFirst();
  if (!booking)
    throw new AppError('NOT_FOUND', 'No booking of your organisation has this reference.');
  const [items, tickets, pending, owing, timeline] = await Promise.all([
    db
      .selectFrom('bookingItems')
      .select(['kind', 'description', 'quantity', 'totalAmount'])
      .where('bookingId', '=', booking.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('tickets as t')
      .leftJoin('attendees as a', 'a.id', 't.attendeeId')
      .select(['t.code', 'a.name as holder', 't.status', 't.checkedInAt'])
      .where('t.bookingId', '=', booking.id)
      .orderBy('a.position')
      .orderBy('t.code')
      .execute(),
    db
      .selectFrom('refunds')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount'), eb.val('0')).as('total'))
      .where('bookingId', '=', booking.id)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('payments')
      .select('provider')
      .where('bookingId', '=', booking.id)
      .where('status', '=', 'pending')
      .orderBy('createdAt', 'desc')
      .executeTakeFirst(),
    bookingTimeline(db, booking),
  ]);
  const refundable = booking.paidAmount - booking.refundedAmount - Number(pending.total);
  const verdict = cancellationVerdict(
    {
      status: booking.status,
      startsAt: booking.startsAt,
      cutoffHours: booking.cancellationCutoffHours,
    },
    now,
  );
  const open = booking.status === 'pending_payment' || booking.status === 'confirmed';
  return {
    ...bookingRow(booking),
    offeringKind: booking.offeringKind,
    channel: booking.channel,
    occurrenceId: booking.occurrenceId,
    paid: booking.paidAmount,
    refunded: booking.refundedAmount,
    refundable,
    policyRefund: verdict.allowed ? refundable : 0,
    // A confirmed booking owes too after a move to dearer places.
    offlinePaymentDue: open && owing?.provider === 'offline',
    linkPaymentDue: open && owing?.provider === 'stripe',
    items: items.map((item) => ({
      kind: item.kind,
      description: item.description,
      quantity: item.quantity,
      total: item.totalAmount,
    })),
    tickets,
    timeline,
  };
}
