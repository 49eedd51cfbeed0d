/** How many lines the live feed keeps: those loaded with the page and those pushed since. */
export const FEED_LINES = 20;

/** What a line of the live feed says happened, by outbox event type. */
const feedEventLabels: Record<string, string> = {
  'booking.confirmed': 'Booking confirmed',
  'booking.payment_requested': 'Booking awaiting payment',
  'booking.payment_received': 'Payment received',
  'booking.payment_failed': 'Payment failed',
  'booking.cancelled': 'Booking cancelled',
  'booking.moved': 'Booking moved',
  'booking.expired': 'Booking expired',
  'booking.refunded': 'Booking refunded',
  'booking.late_payment_refunded': 'Late payment refunded',
  'booking.attention': 'Booking needs attention',
  'booking.confirmation_resent': 'Confirmation resent',
  'ticket.checked_in': 'Checked in',
};

export function feedEventLabel(eventType: string): string {
  return feedEventLabels[eventType] ?? eventType;
}
