import { z } from 'zod';

const Name = z.string().trim().min(1, 'Enter a name').max(100, 'Use at most 100 characters');
const Category = z
  .string()
  .trim()
  .min(1, 'Enter a category')
  .max(50, 'Use at most 50 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens');

export const SeatMapId = z.object({ seatMapId: z.uuid() });

export const CreateSeatMapInput = z.object({
  name: Name,
  venueId: z.uuid().nullable().default(null),
});
export type CreateSeatMapInput = z.infer<typeof CreateSeatMapInput>;

export const RenameSeatMapInput = SeatMapId.extend({ name: Name });
export type RenameSeatMapInput = z.infer<typeof RenameSeatMapInput>;

/** A section made of `rows` x `seatsPerRow` seats, laid out by the shared seat geometry. */
export const AddSectionInput = SeatMapId.extend({
  name: Name,
  rows: z.number().int().min(1, 'At least 1 row').max(60, 'At most 60 rows'),
  seatsPerRow: z.number().int().min(1, 'At least 1 seat').max(80, 'At most 80 seats a row'),
  /** Label of the first row; the next rows follow it (A, B, ... or 1, 2, ...). */
  firstRow: z
    .string()
    .trim()
    .regex(/^([A-Z]|[1-9]\d?)$/, 'Use one capital letter or a number from 1 to 99')
    .default('A'),
  numbering: z.enum(['left-to-right', 'right-to-left']).default('left-to-right'),
  /** Aisles: an extra gap after these seat numbers (1-based). */
  aisleAfter: z.array(z.number().int().min(1)).max(10).default([]),
  shape: z.enum(['straight', 'staggered', 'curved']).default('straight'),
  /** How far a curved section wraps around the stage, at its front row. */
  arcDegrees: z.number().int().min(10, 'At least 10°').max(180, 'At most 180°').default(60),
  category: Category,
  /** Other categories for ranges of rows (1-based, inclusive), over the section's one. */
  rowCategories: z
    .array(
      z
        .object({
          fromRow: z.number().int().min(1),
          toRow: z.number().int().min(1),
          category: Category,
        })
        .refine((range) => range.toRow >= range.fromRow, {
          message: 'The last row comes after the first',
          path: ['toRow'],
        }),
    )
    .max(20)
    .default([]),
});
export type AddSectionInput = z.infer<typeof AddSectionInput>;

export const RemoveSectionInput = SeatMapId.extend({ section: z.string().min(1).max(100) });
export type RemoveSectionInput = z.infer<typeof RemoveSectionInput>;

/** The same change to each chosen seat; what is left out stays as it is. */
export const EditSeatsInput = SeatMapId.extend({
  seatIds: z.array(z.uuid()).min(1, 'Choose at least one seat').max(5000),
  category: Category.optional(),
  accessible: z.boolean().optional(),
  blocked: z.boolean().optional(),
}).refine(
  (input) =>
    input.category !== undefined || input.accessible !== undefined || input.blocked !== undefined,
  { message: 'Choose a change: a category, accessible or blocked' },
);
export type EditSeatsInput = z.infer<typeof EditSeatsInput>;

export const SeatMapSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  venueName: z.string().nullable(),
  seats: z.number().int(),
  sections: z.number().int(),
  /** Occurrences that use the map, past ones included. */
  occurrences: z.number().int(),
});
export type SeatMapSummary = z.infer<typeof SeatMapSummary>;

/** A seat as the editor shows it; its status is the busiest it has on a date to come. */
export const EditorSeat = z.object({
  id: z.uuid(),
  section: z.string(),
  row: z.string(),
  number: z.string(),
  x: z.number(),
  y: z.number(),
  category: z.string(),
  accessible: z.boolean(),
  blocked: z.boolean(),
  status: z.enum(['free', 'held', 'sold', 'blocked']),
});
export type EditorSeat = z.infer<typeof EditorSeat>;

export const SectionSummary = z.object({
  name: z.string(),
  rows: z.number().int(),
  seats: z.number().int(),
  categories: z.array(z.string()),
  sold: z.number().int(),
  held: z.number().int(),
});
export type SectionSummary = z.infer<typeof SectionSummary>;

export const SeatMapDetail = z.object({
  id: z.uuid(),
  name: z.string(),
  venueId: z.uuid().nullable(),
  layoutVersion: z.number().int(),
  /** Dates to come that use the map: changes reach their seats at once. */
  upcomingOccurrences: z.number().int(),
  sections: z.array(SectionSummary),
  seats: z.array(EditorSeat),
});
export type SeatMapDetail = z.infer<typeof SeatMapDetail>;

/** What a change did to the map and to the seats of its dates to come. */
export const SeatMapChange = z.object({
  seats: z.number().int(),
  occurrencesUpdated: z.number().int(),
});
export type SeatMapChange = z.infer<typeof SeatMapChange>;
