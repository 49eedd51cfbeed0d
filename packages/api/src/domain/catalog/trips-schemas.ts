import { z } from 'zod';
import { Money } from '../shared/schemas';

const Place = z.string().trim().min(1, 'Enter a city or stop').max(100);

/** A calendar day as 'YYYY-MM-DD' that exists (no 2025-02-30). */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    message: 'Enter the date as YYYY-MM-DD, for example 2025-06-30',
    // One message per mistake: a malformed date is not also "a date that does not exist".
    abort: true,
  })
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }, 'This date does not exist');

export const SearchTripsInput = z.object({
  /** City or stop name, matched whole and case-insensitively. */
  origin: Place,
  destination: Place,
  /** The departure's local date, in the origin stop's time zone. */
  date: LocalDate,
  passengers: z
    .number()
    .int()
    .min(1, 'At least 1 passenger')
    .max(9, 'At most 9 passengers per search')
    .default(1),
});
export type SearchTripsInput = z.input<typeof SearchTripsInput>;

const TripStopView = z.object({
  stopId: z.uuid(),
  name: z.string(),
  city: z.string(),
  timeZone: z.string(),
});

export const TripResult = z.object({
  occurrenceId: z.uuid(),
  offering: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  origin: TripStopView.extend({ departsAt: z.date() }),
  destination: TripStopView.extend({ arrivesAt: z.date() }),
  durationMinutes: z.number().int(),
  /** Seats left on the departure (trip inventory is whole-route). */
  remaining: z.number().int(),
  /** Per passenger, of the first ticket type (by sort order): its segment fare if any, dynamic rules applied. */
  price: Money,
  /** The origin stop's zone: departsAt is shown in it. */
  timeZone: z.string(),
});
export type TripResult = z.infer<typeof TripResult>;

export const TripSearchResults = z.object({ items: z.array(TripResult) });
export type TripSearchResults = z.infer<typeof TripSearchResults>;

export const StopSuggestionsInput = z.object({ q: z.string().trim().min(1).max(100) });
export type StopSuggestionsInput = z.input<typeof StopSuggestionsInput>;

export const StopSuggestions = z.object({
  items: z.array(z.object({ value: z.string(), kind: z.enum(['city', 'stop']) })),
});
export type StopSuggestions = z.infer<typeof StopSuggestions>;
