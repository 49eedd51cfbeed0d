import { z } from 'zod';
import { OfferingKind } from '../shared/schemas';

export const UpcomingOccurrencesInput = z.object({
  from: z.date().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type UpcomingOccurrencesInput = z.input<typeof UpcomingOccurrencesInput>;

export const StaffOccurrence = z.object({
  id: z.uuid(),
  offering: z.object({ id: z.uuid(), name: z.string(), kind: OfferingKind }),
  startsAt: z.date(),
  endsAt: z.date(),
  timeZone: z.string(),
  venueName: z.string().nullable(),
  capacity: z.number().int(),
  taken: z.number().int(),
  remaining: z.number().int(),
  status: z.enum(['scheduled', 'cancelled', 'completed']),
});
export type StaffOccurrence = z.infer<typeof StaffOccurrence>;
