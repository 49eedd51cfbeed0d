import { z } from 'zod';
import { Cursor, Money, OfferingKind } from '../shared/schemas';

export const ListOfferingsInput = z.object({
  kind: OfferingKind.optional(),
  orgSlug: z.string().trim().min(1).max(100).optional(),
  q: z.string().trim().max(100).optional(),
  cursor: Cursor.optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ListOfferingsInput = z.input<typeof ListOfferingsInput>;

export const OfferingSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: OfferingKind,
  description: z.string(),
  org: z.object({ slug: z.string(), name: z.string() }),
  venue: z.object({ name: z.string(), city: z.string().nullable() }).nullable(),
  /** IANA zone the offering's times are shown in (venue, first stop of a trip, or org). */
  timeZone: z.string(),
  nextOccurrence: z.object({ id: z.uuid(), startsAt: z.date(), endsAt: z.date() }).nullable(),
  fromPrice: Money.nullable(),
});
export type OfferingSummary = z.infer<typeof OfferingSummary>;

export const OfferingPage = z.object({
  items: z.array(OfferingSummary),
  nextCursor: z.string().nullable(),
});
export type OfferingPage = z.infer<typeof OfferingPage>;
