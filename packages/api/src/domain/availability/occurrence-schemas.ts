import { z } from 'zod';

export const OccurrenceAvailabilityInput = z.object({
  occurrenceId: z.uuid(),
  /** A trip's journey: prices are then the segment fares between these stops. */
  originStopId: z.uuid().optional(),
  destinationStopId: z.uuid().optional(),
});
export type OccurrenceAvailabilityInput = z.input<typeof OccurrenceAvailabilityInput>;

export const SeatStatus = z.enum(['free', 'held', 'sold', 'blocked']);
export type SeatStatus = z.infer<typeof SeatStatus>;

export const SeatAvailability = z.object({
  id: z.uuid(),
  /** Row and number as printed on the ticket ("A12"). */
  label: z.string(),
  section: z.string(),
  row: z.string(),
  number: z.string(),
  x: z.number(),
  y: z.number(),
  category: z.string(),
  accessible: z.boolean(),
  /** A seat whose hold has expired is 'free': the next claim takes it. */
  status: SeatStatus,
  /** Current price (minor units, the occurrence's currency) of a seat of its category, as a hold prices it (the category's fare, else the default fare); null if nothing sells it. */
  price: z.number().int().nullable(),
});
export type SeatAvailability = z.infer<typeof SeatAvailability>;

export const OccurrenceAvailability = z.object({
  occurrenceId: z.uuid(),
  status: z.enum(['scheduled', 'cancelled', 'completed']),
  timeZone: z.string(),
  currency: z.string().length(3),
  capacity: z.number().int(),
  remaining: z.number().int(),
  /** Active ticket types with their current (dynamic) price in minor units. */
  ticketTypes: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      price: z.number().int(),
      currency: z.string().length(3),
      seatCategory: z.string().nullable(),
      remaining: z.number().int(),
    }),
  ),
  /** Present when the occurrence has a seat map. */
  seats: z.array(SeatAvailability).optional(),
});
export type OccurrenceAvailability = z.infer<typeof OccurrenceAvailability>;
