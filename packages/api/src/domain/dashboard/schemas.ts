import { z } from 'zod';
import { OrgFeedEvent } from '../../realtime/events';
import { StaffOccurrence } from '../occurrences/schemas';

const count = z.number().int();

/** The dates starting on the org's local today, each shown in its own zone. */
export const DashboardToday = z.object({
  timeZone: z.string(),
  /** The org's local date, YYYY-MM-DD. */
  date: z.string(),
  occurrences: z.array(StaffOccurrence),
});
export type DashboardToday = z.infer<typeof DashboardToday>;

/** Bookings confirmed in a window, per currency (never added across currencies). */
export const SalesFigure = z.object({ currency: z.string(), amount: count, bookings: count });
export type SalesFigure = z.infer<typeof SalesFigure>;

export const DashboardSales = z.object({
  timeZone: z.string(),
  today: z.array(SalesFigure),
  /** Today and the six local days before it. */
  last7Days: z.array(SalesFigure),
});
export type DashboardSales = z.infer<typeof DashboardSales>;

export const PendingPayments = z.object({ count });

export const RecentFeedInput = z.object({ limit: z.number().int().min(1).max(50).default(20) });
export type RecentFeedInput = z.input<typeof RecentFeedInput>;

export const RecentFeed = z.object({ items: z.array(OrgFeedEvent) });
