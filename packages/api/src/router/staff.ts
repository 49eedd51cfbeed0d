import { z } from 'zod';
import { staffOrgs } from '../domain/access/membership';
import { markOfflinePaymentPaid } from '../domain/bookings/mark-paid';
import { Reference } from '../domain/bookings/schemas';
import { StaffOccurrence, UpcomingOccurrencesInput } from '../domain/occurrences/schemas';
import { upcomingOccurrences } from '../domain/occurrences/upcoming';
import { customerProcedure, router, staffProcedure } from '../trpc';

export const staffRouter = router({
  /** The orgs the signed-in user works for (empty for a customer). */
  orgs: customerProcedure
    .output(z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), role: z.string() })))
    .query(({ ctx }) => staffOrgs(ctx.db, ctx.user.id)),

  bookings: router({
    /** A pay-at-venue booking was paid: confirm it (audited). */
    markPaid: staffProcedure('bookings:write')
      .input(z.object({ reference: Reference }))
      .output(z.object({ outcome: z.enum(['confirmed', 'already_settled', 'refund_due']) }))
      .mutation(({ ctx, input }) =>
        markOfflinePaymentPaid(ctx.db, input.reference, ctx.staff, { events: ctx.events, requestId: ctx.requestId }),
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
});
