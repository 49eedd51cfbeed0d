import { z } from 'zod';

/** The longest window one `availability.slots` call may ask for. */
export const MAX_SLOT_WINDOW_DAYS = 31;
const DAY_MS = 86_400_000;

export const SlotsInput = z
  .object({
    offeringId: z.uuid(),
    /** Omitted: any resource that delivers the offering. */
    resourceId: z.uuid().optional(),
    /** Slots starting in [from, to) are listed. */
    from: z.date(),
    to: z.date(),
  })
  .refine((input) => input.to > input.from, {
    path: ['to'],
    error: 'The end of the window must be after its start',
  })
  .refine((input) => input.to.getTime() - input.from.getTime() <= MAX_SLOT_WINDOW_DAYS * DAY_MS, {
    path: ['to'],
    error: `Ask for at most ${MAX_SLOT_WINDOW_DAYS} days of slots at a time`,
  });
export type SlotsInput = z.infer<typeof SlotsInput>;

export const AvailableSlot = z.object({
  start: z.date(),
  end: z.date(),
  /** The resource to book; with "any resource", the first one free at that time. */
  resourceId: z.uuid(),
  /** How many resources are free at that time (1 when a resource was asked for). */
  remaining: z.number().int().min(1),
});
export type AvailableSlot = z.infer<typeof AvailableSlot>;

export const SlotsView = z.object({
  /** IANA zone to show the times in: the resource's (the first resource's with "any"). */
  timeZone: z.string(),
  slots: z.array(AvailableSlot),
});
export type SlotsView = z.infer<typeof SlotsView>;
