import { auditLog, auditLogFilters } from '../domain/audit/log';
import { AuditLogFilters, AuditLogInput, AuditLogPage } from '../domain/audit/schemas';
import { router, staffProcedure } from '../trpc';

/** Every staff and API-key mutation of the org, as `recordAudit` wrote it (staff.audit.*). */
export const staffAuditRouter = router({
  list: staffProcedure('audit:read')
    .input(AuditLogInput)
    .output(AuditLogPage)
    .query(({ ctx, input }) => auditLog(ctx.db, ctx.staff.orgId, input)),

  /** Who acted and which entity types exist, for the filters' lists. */
  filters: staffProcedure('audit:read')
    .output(AuditLogFilters)
    .query(({ ctx }) => auditLogFilters(ctx.db, ctx.staff.orgId)),
});
