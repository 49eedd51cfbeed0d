import { z } from 'zod';
import { Money } from '../shared/schemas';

export const CancellationQuote = z.object({
  cancellable: z.boolean(),
  /** The online cancellation cut-off (null when the booking has no start time). */
  until: z.date().nullable(),
  /** What goes back to the customer if they cancel now: everything paid and not yet refunded. */
  refund: Money,
  /** Why it cannot be cancelled online, in the customer's words; null when it can. */
  reason: z.string().nullable(),
});

export type CancellationQuote = z.infer<typeof CancellationQuote>;
