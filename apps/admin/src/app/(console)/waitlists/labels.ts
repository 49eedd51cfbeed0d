import type { BadgeTone } from '@tessera/ui';

export const entryStatus: Record<string, { label: string; tone: BadgeTone }> = {
  waiting: { label: 'Waiting', tone: 'warning' },
  offered: { label: 'Offered', tone: 'brand' },
  claimed: { label: 'Booked', tone: 'success' },
  lapsed: { label: 'Lapsed', tone: 'neutral' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

/** An offer's state, from its hold's: live, taken up (booked), or run out. */
export const offerState: Record<string, string> = {
  active: 'Offered',
  converted: 'Accepted',
  expired: 'Expired',
  released: 'Released',
};
