import { z } from 'zod';

const LocalDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });

/** Local dates in the org's zone, both included; without them, the last 30 days up to today. */
export const ReportRangeInput = z
  .object({ from: LocalDate.optional(), to: LocalDate.optional() })
  .refine((range) => !range.from || !range.to || range.to >= range.from, {
    path: ['to'],
    message: 'The end date must not be before the start date',
  })
  .refine(
    (range) =>
      !range.from || !range.to || Date.parse(range.to) - Date.parse(range.from) <= 366 * 86_400_000,
    {
      path: ['to'],
      message: 'Choose at most 366 days',
    },
  );
export type ReportRangeInput = z.infer<typeof ReportRangeInput>;

const count = z.number().int();

export const SalesReport = z.object({
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  /** Bookings confirmed on each local day, whatever happened to them later. */
  revenueByDay: z.array(
    z.object({ date: z.string(), currency: z.string(), bookings: count, revenue: count }),
  ),
  /** Dates starting in the range, with seats or units sold out of those on sale. */
  occupancy: z.array(
    z.object({
      occurrenceId: z.uuid(),
      offeringName: z.string(),
      startsAt: z.date(),
      capacity: count,
      sold: count,
      occupancyPercent: z.number(),
    }),
  ),
  byTicketType: z.array(
    z.object({
      ticketType: z.string(),
      offeringName: z.string(),
      currency: z.string(),
      quantity: count,
      revenue: count,
    }),
  ),
  /** bookings.channel: web (the site), agent (staff in the console), api (API keys). */
  byChannel: z.array(
    z.object({ channel: z.string(), currency: z.string(), bookings: count, revenue: count }),
  ),
  /** Refunds that succeeded, by the local day they completed. */
  refunds: z.array(
    z.object({ date: z.string(), currency: z.string(), refunds: count, amount: count }),
  ),
});
export type SalesReport = z.infer<typeof SalesReport>;
