import { z } from 'zod';
import { Money } from '../shared/schemas';

export const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 60;
export const MAX_WINDOW_DAYS = 366;
/** A safety cap on one answer (a year of hourly departures would be ~9,000 dates). */
export const MAX_OCCURRENCES = 500;

export const OfferingOccurrencesInput = z
  .object({
    offeringId: z.uuid(),
    /** Default: now. Dates already started are never listed. */
    from: z.date().optional(),
    /** Default: `from` + 60 days; at most 366 days after `from`. */
    to: z.date().optional(),
  })
  .refine((input) => !input.from || !input.to || input.to > input.from, {
    message: 'The end of the period must be after its start',
    path: ['to'],
  })
  .refine(
    (input) =>
      !input.to ||
      input.to.getTime() - (input.from?.getTime() ?? Date.now()) <= MAX_WINDOW_DAYS * DAY_MS,
    {
      message: `Ask for at most ${MAX_WINDOW_DAYS} days at a time`,
      path: ['to'],
    },
  );
export type OfferingOccurrencesInput = z.input<typeof OfferingOccurrencesInput>;

export const OfferingOccurrence = z.object({
  id: z.uuid(),
  startsAt: z.date(),
  endsAt: z.date(),
  status: z.enum(['scheduled', 'cancelled', 'completed']),
  capacity: z.number().int(),
  /** capacity - sold - live held; an expired hold counts as free. */
  remaining: z.number().int(),
  /** Lowest current price (dynamic rules applied) of the active ticket types; null without any. */
  fromPrice: Money.nullable(),
  /** Whether the date's sales window (and one ticket type's) is open now; sold out is `remaining: 0`. */
  salesOpen: z.boolean(),
});
export type OfferingOccurrence = z.infer<typeof OfferingOccurrence>;

export const OfferingOccurrences = z.object({
  timeZone: z.string(),
  items: z.array(OfferingOccurrence),
});
export type OfferingOccurrences = z.infer<typeof OfferingOccurrences>;
