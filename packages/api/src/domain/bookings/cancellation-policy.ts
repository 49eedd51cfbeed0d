import type { BookingView } from './schemas';
import { cancellationDeadline } from './view';

export interface CancellationFacts {
  status: BookingView['status'];
  startsAt: Date | null;
  cutoffHours: number | null;
}

export type CancellationVerdict =
  | { allowed: true; until: Date; reason: null }
  | { allowed: false; until: Date | null; reason: string };

/** Whether the customer may cancel online now, and if not, why in their words. */
export function cancellationVerdict(
  { status, startsAt, cutoffHours }: CancellationFacts,
  now: Date,
): CancellationVerdict {
  const until = cancellationDeadline(startsAt, cutoffHours);
  if (status !== 'confirmed' && status !== 'pending_payment') {
    return {
      allowed: false,
      until,
      reason: `This booking is already ${status.replace('_', ' ')}.`,
    };
  }
  if (!until || now >= until) {
    return {
      allowed: false,
      until,
      reason: 'This booking can no longer be cancelled online. Please contact the organiser.',
    };
  }
  return { allowed: true, until, reason: null };
}
