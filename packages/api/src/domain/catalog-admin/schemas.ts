import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { OfferingKind } from '../shared/schemas';
import { refineWith, type FieldRule } from './field-rules';

/** An IANA zone name that Temporal (and so the slot and series code) can resolve. */
export const TimeZone = z.string().refine(
  (zone) => {
    try {
      Temporal.Now.zonedDateTimeISO(zone);
      return zone.includes('/') || zone === 'UTC';
    } catch {
      return false;
    }
  },
  { message: 'Choose an IANA time zone such as Europe/Paris' },
);

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR');
const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens');
const LocalDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time as HH:MM');

export const OfferingId = z.object({ offeringId: z.uuid() });

const VenueFields = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(200),
  addressLine: z.string().trim().max(200).nullable().optional(),
  city: z.string().trim().max(100).nullable().optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as FR')
    .nullable()
    .optional(),
  timeZone: TimeZone,
});

export const CreateVenueInput = VenueFields;
export type CreateVenueInput = z.infer<typeof CreateVenueInput>;

/** The fields given change; null clears an address part. */
export const UpdateVenueInput = VenueFields.partial().extend({
  venueId: z.uuid({ error: 'Choose a venue from the list' }),
});
export type UpdateVenueInput = z.infer<typeof UpdateVenueInput>;

export const VenueView = z.object({
  id: z.uuid(),
  name: z.string(),
  addressLine: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  timeZone: z.string(),
});
export type VenueView = z.infer<typeof VenueView>;

export const OfferingStatus = z.enum(['draft', 'published', 'archived']);

export const CreateOfferingInput = z
  .object({
    kind: OfferingKind,
    name: z.string().trim().min(1, 'Enter a name').max(200),
    slug: Slug,
    description: z.string().max(5000).default(''),
    venueId: z.uuid().nullable().default(null),
    currency: Currency,
    slotMinutes: z.number().int().positive().nullable().default(null),
    /** A trip's route, in order; the first stop's zone is the trip's. */
    stops: z
      .array(
        z.object({
          name: z.string().trim().min(1, 'Enter a stop name').max(200),
          city: z.string().trim().min(1, 'Enter a city').max(100),
          timeZone: TimeZone,
          /** Minutes after the departure from the first stop. */
          offsetMinutes: z.number().int().min(0, 'An offset cannot be negative'),
        }),
      )
      .default([]),
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'appointment' && input.slotMinutes === null)
      ctx.addIssue({ code: 'custom', path: ['slotMinutes'], message: 'Enter the slot length' });
    if (input.kind === 'trip' && input.stops.length < 2)
      ctx.addIssue({ code: 'custom', path: ['stops'], message: 'A trip needs at least two stops' });
    if (input.stops[0] && input.stops[0].offsetMinutes !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['stops', 0, 'offsetMinutes'],
        message: 'The first stop is the departure: offset 0',
      });
    input.stops.forEach((stop, index) => {
      const previous = input.stops[index - 1];
      if (previous && stop.offsetMinutes <= previous.offsetMinutes)
        ctx.addIssue({
          code: 'custom',
          path: ['stops', index, 'offsetMinutes'],
          message: 'Each stop comes after the one before',
        });
    });
  });
export type CreateOfferingInput = z.input<typeof CreateOfferingInput>;

export const UpdateOfferingInput = OfferingId.extend({
  status: OfferingStatus.optional(),
  /** The cancellation policy: customers may cancel until this many hours before the start. */
  cancellationCutoffHours: z
    .number()
    .int()
    .min(0, 'Hours cannot be negative')
    .max(8760)
    .nullable()
    .optional(),
  maxPerOrder: z.number().int().min(1).max(100).optional(),
  /** One of the org's tax rates; null: untaxed. */
  taxRateId: z.uuid('Choose one of the tax rates').nullable().optional(),
});
export type UpdateOfferingInput = z.infer<typeof UpdateOfferingInput>;

export const OfferingSummary = z.object({
  id: z.uuid(),
  kind: OfferingKind,
  name: z.string(),
  slug: z.string(),
  status: OfferingStatus,
  currency: z.string(),
  venueName: z.string().nullable(),
  upcomingOccurrences: z.number().int(),
});
export type OfferingSummary = z.infer<typeof OfferingSummary>;

export const TicketTypeView = z.object({
  id: z.uuid(),
  name: z.string(),
  priceAmount: z.number().int(),
  currency: z.string(),
  seatCategory: z.string().nullable(),
  quotaPerOccurrence: z.number().int().nullable(),
  minPerOrder: z.number().int(),
  maxPerOrder: z.number().int(),
  salesStartAt: z.date().nullable(),
  salesEndAt: z.date().nullable(),
  /** False once removed while in use: off sale, kept on the bookings that have it. */
  active: z.boolean(),
});
export type TicketTypeView = z.infer<typeof TicketTypeView>;

const TicketTypeFields = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(200),
  priceAmount: z.number().int('Price is in minor units (cents)').min(0, 'Price cannot be negative'),
  seatCategory: z.string().trim().min(1).max(50).nullable(),
  quotaPerOccurrence: z.number().int().min(0).nullable(),
  minPerOrder: z.number().int().min(1),
  maxPerOrder: z.number().int().min(1).max(100),
  salesStartAt: z.coerce.date().nullable(),
  salesEndAt: z.coerce.date().nullable(),
});
type TicketTypeFields = z.output<typeof TicketTypeFields>;

export const ticketTypeRules: readonly FieldRule<TicketTypeFields>[] = [
  {
    path: 'maxPerOrder',
    message: 'At most must be at least the minimum',
    holds: ({ minPerOrder, maxPerOrder }) =>
      minPerOrder === undefined || maxPerOrder === undefined || maxPerOrder >= minPerOrder,
  },
  {
    path: 'salesEndAt',
    message: 'Sales must end after they start',
    holds: ({ salesStartAt, salesEndAt }) =>
      !salesStartAt || !salesEndAt || salesEndAt > salesStartAt,
  },
];

const ticketType = TicketTypeFields.shape;
export const CreateTicketTypeInput = OfferingId.extend({
  ...ticketType,
  seatCategory: ticketType.seatCategory.default(null),
  quotaPerOccurrence: ticketType.quotaPerOccurrence.default(null),
  minPerOrder: ticketType.minPerOrder.default(1),
  maxPerOrder: ticketType.maxPerOrder.default(10),
  salesStartAt: ticketType.salesStartAt.default(null),
  salesEndAt: ticketType.salesEndAt.default(null),
}).superRefine(refineWith(ticketTypeRules));
export type CreateTicketTypeInput = z.input<typeof CreateTicketTypeInput>;

/** The fields given change; a quota change restocks the dates to come. */
export const UpdateTicketTypeInput = TicketTypeFields.partial()
  .extend({ ticketTypeId: z.uuid({ error: 'Choose a ticket type from the list' }) })
  .superRefine(refineWith(ticketTypeRules));
export type UpdateTicketTypeInput = z.output<typeof UpdateTicketTypeInput>;

/** Dates of a series: every day (or chosen weekdays) at one local time, minus skipped dates. */
export const OccurrenceSeriesInput = OfferingId.extend({
  firstDate: LocalDate,
  days: z.number().int().min(1, 'At least one day').max(366, 'At most 366 days'),
  localTime: LocalTime,
  /** ISO weekdays (1 = Monday); empty means every day. */
  weekdays: z.array(z.number().int().min(1).max(7)).default([]),
  skipDates: z.array(LocalDate).default([]),
  durationMinutes: z
    .number()
    .int()
    .min(1, 'At least one minute')
    .max(7 * 24 * 60),
  /** Without a seat map: default the sum of the ticket types' quotas (their units are the stock). */
  capacity: z.number().int().min(0).optional(),
  seatMapId: z.uuid().nullable().default(null),
});
export type OccurrenceSeriesInput = z.input<typeof OccurrenceSeriesInput>;
export type OccurrenceSeries = z.output<typeof OccurrenceSeriesInput>;

export const SeriesPreview = z.object({
  timeZone: z.string(),
  starts: z.array(z.object({ localDate: z.string(), startsAt: z.date() })),
  /** Dates already having an occurrence at that instant: left as they are. */
  existing: z.array(z.string()),
});
export type SeriesPreview = z.infer<typeof SeriesPreview>;

export const AdminOccurrenceView = z.object({
  id: z.uuid(),
  startsAt: z.date(),
  endsAt: z.date(),
  status: z.string(),
  capacity: z.number().int(),
});

export const OfferingAdminDetail = OfferingSummary.extend({
  description: z.string(),
  timeZone: z.string(),
  cancellationCutoffHours: z.number().int().nullable(),
  maxPerOrder: z.number().int(),
  taxRateId: z.uuid().nullable(),
  ticketTypes: z.array(TicketTypeView),
  stops: z.array(
    z.object({
      name: z.string(),
      city: z.string(),
      timeZone: z.string(),
      offsetMinutes: z.number(),
    }),
  ),
  occurrences: z.array(AdminOccurrenceView),
});
export type OfferingAdminDetail = z.infer<typeof OfferingAdminDetail>;
