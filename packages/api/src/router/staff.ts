import { z } from 'zod';
import { staffOrgs } from '../domain/access/membership';
import { Reference } from '../domain/bookings/schemas';
import { refundBooking } from '../domain/payments/refund-booking';
import { StaffOccurrence, UpcomingOccurrencesInput } from '../domain/occurrences/schemas';
import { upcomingOccurrences } from '../domain/occurrences/upcoming';
import { orgFeedGrant } from '../domain/realtime/grants';
import { RoomTokenView } from '../domain/realtime/schemas';
import { env } from '../env';
import { customerProcedure, router, staffProcedure } from '../trpc';
import { staffApiKeysRouter } from './staff-api-keys';
import { staffAuditRouter } from './staff-audit';
import { staffBookingsRouter } from './staff-bookings';
import { staffCatalogRouter } from './staff-catalog';
import { staffCheckInRouter } from './staff-check-in';
import { staffDashboardRouter } from './staff-dashboard';
import { staffJobsRouter } from './staff-jobs';
import { staffOutboxRouter } from './staff-outbox';
import { staffReportsRouter } from './staff-reports';
import { staffQuotesRouter } from './staff-quotes';
import { staffSalesRouter } from './staff-sales';
import { staffSeatMapsRouter } from './staff-seat-maps';
import { staffSettingsRouter } from './staff-settings';
import { staffTeamRouter } from './staff-team';
import { staffWaitlistRouter } from './staff-waitlist';
import { staffWebhooksRouter } from './staff-webhooks';

export const staffRouter = router({
  /** The orgs the signed-in user works for (empty for a customer). */
  orgs: customerProcedure
    .output(
      z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), role: z.string() })),
    )
    .query(({ ctx }) => staffOrgs(ctx.db, ctx.user.id)),

  /** A short-lived token to join the org's live feed (`org:<id>`) on the realtime gateway. */
  realtimeToken: staffProcedure('bookings:read')
    .output(RoomTokenView)
    .query(({ ctx }) => orgFeedGrant(env.REALTIME_TOKEN_SECRET, ctx.staff)),

  dashboard: staffDashboardRouter,
  audit: staffAuditRouter,
  bookings: staffBookingsRouter,
  sales: staffSalesRouter,
  quotes: staffQuotesRouter,
  catalog: staffCatalogRouter,
  seatMaps: staffSeatMapsRouter,
  reports: staffReportsRouter,
  checkIn: staffCheckInRouter,

  refunds: router({
    /** Give back all that remains, or `amount` of it, through the payment provider (audited). */
    create: staffProcedure('payments:refund')
      .input(
        z.object({
          reference: Reference,
          amount: z.number().int().positive().optional(),
          idempotencyKey: z.string().min(8).max(200),
        }),
      )
      .output(z.object({ refundId: z.uuid(), amount: z.number().int() }))
      .mutation(({ ctx, input }) =>
        refundBooking(ctx.db, input, ctx.staff, {
          provider: ctx.payments,
          requestId: ctx.requestId,
        }),
      ),
  }),

  occurrences: router({
    upcoming: staffProcedure('catalog:read')
      .input(UpcomingOccurrencesInput)
      .output(z.object({ items: z.array(StaffOccurrence) }))
      .query(async ({ ctx, input }) => ({
        items: await upcomingOccurrences(ctx.db, ctx.staff.orgId, input),
      })),
  }),
  waitlist: staffWaitlistRouter,
  webhooks: staffWebhooksRouter,
  jobs: staffJobsRouter,
  apiKeys: staffApiKeysRouter,
  settings: staffSettingsRouter,
  team: staffTeamRouter,
  outbox: staffOutboxRouter,
});
