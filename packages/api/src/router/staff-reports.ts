import { ReportRangeInput, SalesReport } from '../domain/reports/schemas';
import { salesReport } from '../domain/reports/sales-report';
import { router, staffProcedure } from '../trpc';

/** Revenue, occupancy, sales and refunds for local dates in the org's zone (staff.reports.*). */
export const staffReportsRouter = router({
  sales: staffProcedure('reports:read')
    .input(ReportRangeInput)
    .output(SalesReport)
    .query(({ ctx, input }) => salesReport(ctx.db, ctx.staff.orgId, input)),
});
