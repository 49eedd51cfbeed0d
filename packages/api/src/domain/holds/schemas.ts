import { z } from 'zod';
import { Money } from '../shared/schemas';

const IdempotencyKey = z
  .string()
  .min(8, { error: 'Use an idempotency key of at least 8 characters' })
  .max(200);

const TicketRequest = z.object({
  ticketTypeId: z.uuid(),
  quantity: z.number().int().min(1, { error: 'Choose at least 1' }).max(100),
});

/** Seats and/or tickets (and add-ons) on one date of an event or one departure of a trip. */
export const OccurrenceHoldInput = z.object({
  idempotencyKey: IdempotencyKey.optional(),
  occurrenceId: z.uuid(),
  seatIds: z.array(z.uuid()).max(100).optional(),
  /**
   * The customer needs an accessible place. Seats marked accessible (wheelchair spaces) are
   * held only with it, so they are not sold to whoever clicks first.
   */
  accessibleSeating: z.boolean().optional(),
  /**
   * General admission: tickets per type. With seats: the fare of each seat in order
   * (e.g. 1 Adult + 1 Child for two coach seats); without it seats are priced by category.
   */
  tickets: z.array(TicketRequest).max(20).optional(),
  addOns: z
    .array(z.object({ addOnId: z.uuid(), quantity: z.number().int().min(1).max(100) }))
    .max(20)
    .optional(),
  /** Trips: the stops the passengers travel between (segment fares). */
  originStopId: z.uuid().optional(),
  destinationStopId: z.uuid().optional(),
});
export type OccurrenceHoldInput = z.infer<typeof OccurrenceHoldInput>;

/** A time slot of an appointment offering, on a given resource or any. */
export const SlotHoldInput = z.object({
  idempotencyKey: IdempotencyKey.optional(),
  offeringId: z.uuid(),
  resourceId: z.uuid().optional(),
  start: z.date(),
});
export type SlotHoldInput = z.infer<typeof SlotHoldInput>;

export const CreateHoldInput = z.union([OccurrenceHoldInput.strict(), SlotHoldInput.strict()], {
  error: 'Give either an occurrenceId with seatIds or tickets, or an offeringId with a start time',
});
export type CreateHoldInput = z.infer<typeof CreateHoldInput>;

export const HoldId = z.object({ holdId: z.uuid({ error: 'This hold link is not valid' }) });

export const HoldItemView = z.object({
  kind: z.enum(['seat', 'ticket', 'slot', 'add_on']),
  description: z.string(),
  quantity: z.number().int(),
  unitPrice: Money,
  seatId: z.uuid().nullable(),
  ticketTypeId: z.uuid().nullable(),
  addOnId: z.uuid().nullable(),
  resourceId: z.uuid().nullable(),
  startsAt: z.date().nullable(),
  endsAt: z.date().nullable(),
});

export const HoldView = z.object({
  holdId: z.uuid(),
  status: z.enum(['active', 'converted', 'released', 'expired']),
  offeringId: z.uuid(),
  occurrenceId: z.uuid().nullable(),
  expiresAt: z.date(),
  items: z.array(HoldItemView),
  total: Money,
});
export type HoldView = z.infer<typeof HoldView>;
