import { z } from 'zod';
import { Money, OfferingKind } from '../shared/schemas';

const Slug = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and dashes');

export const OfferingDetailInput = z.object({
  slug: Slug,
  /** Needed only when two orgs use the same slug; without it the oldest offering wins. */
  orgSlug: z.string().trim().min(1).max(100).optional(),
});
export type OfferingDetailInput = z.input<typeof OfferingDetailInput>;

export const OfferingDetail = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: OfferingKind,
  description: z.string(),
  imageUrl: z.string().nullable(),
  currency: z.string().length(3),
  org: z.object({ slug: z.string(), name: z.string() }),
  venue: z
    .object({
      name: z.string(),
      addressLine: z.string().nullable(),
      city: z.string().nullable(),
      country: z.string().nullable(),
      timeZone: z.string(),
    })
    .nullable(),
  /** IANA zone the offering's times are shown in (venue, first stop of a trip, or org). */
  timeZone: z.string(),
  /**
   * Customers may cancel online until `cutoffHours` before the start; null (no cut-off): until
   * the start itself, as bookings.cancellationQuote and bookings.cancel decide.
   */
  cancellationPolicy: z.object({ cutoffHours: z.number().int() }).nullable(),
  maxPerOrder: z.number().int(),
  attendeeFields: z.array(z.string()),
  ticketTypes: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      description: z.string(),
      /** Base price; the current (dynamic) price of a date comes from availability.occurrence. */
      price: Money,
      minPerOrder: z.number().int(),
      maxPerOrder: z.number().int(),
      seatCategory: z.string().nullable(),
    }),
  ),
  addOns: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      description: z.string(),
      price: Money,
      /** Charged per ticket/seat rather than once per booking. */
      perItem: z.boolean(),
      maxPerOrder: z.number().int(),
    }),
  ),
  /** Trips: the route in order; empty for other kinds. Offsets are minutes after departure. */
  stops: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      name: z.string(),
      city: z.string(),
      timeZone: z.string(),
      arrivalOffsetMinutes: z.number().int().nullable(),
      departureOffsetMinutes: z.number().int().nullable(),
    }),
  ),
  /** Appointments: the active resources that can deliver it; empty for other kinds. */
  resources: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(['room', 'court', 'practitioner', 'vehicle']),
      timeZone: z.string(),
    }),
  ),
  slotSettings: z
    .object({
      slotMinutes: z.number().int(),
      bufferBeforeMinutes: z.number().int(),
      bufferAfterMinutes: z.number().int(),
      minNoticeMinutes: z.number().int(),
      horizonDays: z.number().int(),
    })
    .nullable(),
});
export type OfferingDetail = z.infer<typeof OfferingDetail>;
