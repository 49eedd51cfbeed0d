import type { RouterOutputs } from '@tessera/api';
import type { BadgeTone } from '@tessera/ui';

type Status = RouterOutputs['bookings']['byReference']['status'];

/** A booking's status in the customer's words, with the badge tone that goes with it. */
export const bookingStatusText: Record<Status, { label: string; tone: BadgeTone }> = {
  pending_payment: { label: 'Waiting for your payment…', tone: 'warning' },
  confirmed: { label: 'Confirmed', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'danger' },
  refunded: { label: 'Refunded', tone: 'neutral' },
  expired: { label: 'Expired', tone: 'danger' },
};
