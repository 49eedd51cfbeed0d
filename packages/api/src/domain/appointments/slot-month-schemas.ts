import { z } from 'zod';
import { AvailableSlot } from '../availability/slots-schemas';

export const SlotMonthInput = z.object({
  offeringId: z.uuid(),
  /** Omitted: any resource that delivers the offering. */
  resourceId: z.uuid().optional(),
  /** The calendar month in the venue's zone, e.g. "2026-12". */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
    error: 'Give the month as YYYY-MM, for example 2026-12',
  }),
});
export type SlotMonthInput = z.infer<typeof SlotMonthInput>;

export const SlotMonth = z.object({
  /** IANA zone the days and times are in (the resource's, as for availability.slots). */
  timeZone: z.string(),
  month: z.string(),
  /** Days of the month that have at least one free slot, in order. */
  days: z.array(z.object({ date: z.string(), slots: z.array(AvailableSlot) })),
});
export type SlotMonth = z.infer<typeof SlotMonth>;
