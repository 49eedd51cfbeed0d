import { z } from 'zod';
import { TimeZone } from './schemas';

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time as HH:MM');
const LocalDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });
const opensBeforeCloses = (hours: { opensAt: string; closesAt: string }) =>
  hours.closesAt > hours.opensAt;

export const ResourceId = z.object({ resourceId: z.uuid() });

export const CreateResourceInput = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(200),
  kind: z.enum(['room', 'court', 'practitioner', 'vehicle']),
  timeZone: TimeZone,
});
export type CreateResourceInput = z.infer<typeof CreateResourceInput>;

/** The fields given change; a new zone is refused while slots to come are taken. */
export const UpdateResourceInput = CreateResourceInput.partial().extend(ResourceId.shape);
export type UpdateResourceInput = z.infer<typeof UpdateResourceInput>;

export const ResourceView = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['room', 'court', 'practitioner', 'vehicle']),
  timeZone: z.string(),
});

/** Replaces all of a resource's hours: weekly rows, and dates that differ (or are closed). */
export const SetResourceHoursInput = ResourceId.extend({
  weekly: z.array(
    z
      .object({ weekday: z.number().int().min(1).max(7), opensAt: LocalTime, closesAt: LocalTime })
      .refine(opensBeforeCloses, { path: ['closesAt'], message: 'Closes after it opens' }),
  ),
  overrides: z
    .array(
      z.union([
        z.object({ onDate: LocalDate, closed: z.literal(true) }),
        z
          .object({ onDate: LocalDate, opensAt: LocalTime, closesAt: LocalTime })
          .refine(opensBeforeCloses, { path: ['closesAt'], message: 'Closes after it opens' }),
      ]),
    )
    .default([]),
});
export type SetResourceHoursInput = z.input<typeof SetResourceHoursInput>;

export const ResourceHoursPreviewInput = ResourceId.extend({
  from: LocalDate,
  days: z.number().int().min(1).max(62),
});

export const ResourceHoursPreview = z.object({
  timeZone: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      open: z.array(z.object({ start: z.date(), end: z.date() })),
    }),
  ),
});
export type ResourceHoursPreview = z.infer<typeof ResourceHoursPreview>;
