import type { BadgeTone } from '@tessera/ui';

export const bookingStatus: Record<string, { label: string; tone: BadgeTone }> = {
  pending_payment: { label: 'Awaiting payment', tone: 'warning' },
  confirmed: { label: 'Confirmed', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'danger' },
  refunded: { label: 'Refunded', tone: 'neutral' },
  expired: { label: 'Expired', tone: 'neutral' },
};

export const paymentStateLabel: Record<string, string> = {
  unpaid: 'Unpaid',
  paid: 'Paid',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
};

/** Where a booking was sold, as the reports name it. */
export const channelLabel: Record<string, string> = {
  web: 'Website',
  agent: 'Staff (agent)',
  api: 'API',
};
