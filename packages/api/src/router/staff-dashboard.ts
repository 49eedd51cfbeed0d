import { recentFeed } from '../domain/dashboard/feed';
import { pendingPaymentCount } from '../domain/dashboard/pending-payments';
import { salesSummary } from '../domain/dashboard/sales';
import {
  DashboardSales,
  DashboardToday,
  PendingPayments,
  RecentFeed,
  RecentFeedInput,
} from '../domain/dashboard/schemas';
import { todaysOccurrences } from '../domain/dashboard/today';
import { router, staffProcedure } from '../trpc';

/** The console's home (staff.dashboard.*): each figure behind the permission that shows it. */
export const staffDashboardRouter = router({
  today: staffProcedure('catalog:read')
    .output(DashboardToday)
    .query(({ ctx }) => todaysOccurrences(ctx.db, ctx.staff.orgId)),

  /** Money: only roles that read reports. */
  sales: staffProcedure('reports:read')
    .output(DashboardSales)
    .query(({ ctx }) => salesSummary(ctx.db, ctx.staff.orgId)),

  pendingPayments: staffProcedure('bookings:read')
    .output(PendingPayments)
    .query(({ ctx }) => pendingPaymentCount(ctx.db, ctx.staff.orgId)),

  /** The live feed's latest lines; newer ones are pushed in `org:<id>`. */
  feed: staffProcedure('bookings:read')
    .input(RecentFeedInput.optional())
    .output(RecentFeed)
    .query(async ({ ctx, input }) => ({
      items: await recentFeed(ctx.db, ctx.staff.orgId, input ?? {}),
    })),
});
