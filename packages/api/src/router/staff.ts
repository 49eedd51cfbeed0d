import { z } from 'zod';
import { staffOrgs } from '../domain/access/membership';
import { StaffOccurrence, UpcomingOccurrencesInput } from '../domain/occurrences/schemas';
import { upcomingOccurrences } from '../domain/occurrences/upcoming';
import { customerProcedure, router, staffProcedure } from '../trpc';

export const staffRouter = router({
  /** The orgs the signed-in user works for (empty for a customer). */
  orgs: customerProcedure
    .output(z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), role: z.string() })))
    .query(({ ctx }) => staffOrgs(ctx.db, ctx.user.id)),

  occurrences: router({
    upcoming: staffProcedure('catalog:read')
      .input(UpcomingOccurrencesInput)
      .output(z.object({ items: z.array(StaffOccurrence) }))
      .query(async ({ ctx, input }) => ({
        items: await upcomingOccurrences(ctx.db, ctx.staff.orgId, input),
      })),
  }),
});
