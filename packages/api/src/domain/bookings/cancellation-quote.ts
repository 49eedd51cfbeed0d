import type { Db } from '@tessera/db';
import { findBookingToCancel, type CancelRequester } from './cancel';
import { cancellationVerdict } from './cancellation-policy';
import type { CancellationQuote } from './cancellation-quote-schemas';

/** What cancelling would do, asked before the customer confirms; changes nothing. */
export async function quoteCancellation(
  db: Db,
  reference: string,
  requester: CancelRequester,
  now = new Date(),
): Promise<CancellationQuote> {
  const booking = await findBookingToCancel(db, reference, requester, { lock: false });
  const verdict = cancellationVerdict(
    {
      status: booking.status,
      startsAt: booking.startsAt,
      cutoffHours: booking.cancellationCutoffHours,
    },
    now,
  );
  return {
    cancellable: verdict.allowed,
    until: verdict.until,
    refund: {
      amount: verdict.allowed ? booking.paidAmount - booking.refundedAmount : 0,
      currency: booking.currency,
    },
    reason: verdict.reason,
  };
}
