import { z } from 'zod';
import { env } from '../env';
import {
  makeManualOffer,
  ManualOfferInput,
  OccurrenceWaitlistInput,
  StaffWaitlistEntry,
  waitlistOfOccurrence,
} from '../domain/waitlist/staff';
import { router, staffProcedure } from '../trpc';

/** A date's waiting list and its offers (staff.waitlist.*). */
export const staffWaitlistRouter = router({
  entries: staffProcedure('bookings:read')
    .input(OccurrenceWaitlistInput)
    .output(z.array(StaffWaitlistEntry))
    .query(({ ctx, input }) => waitlistOfOccurrence(ctx.db, ctx.staff.orgId, input.occurrenceId)),

  /** Holds free places for this entry now and emails the claim link (out of turn). */
  offer: staffProcedure('bookings:write')
    .input(ManualOfferInput)
    .output(z.object({ holdId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      makeManualOffer(ctx.db, input.entryId, ctx.staff, {
        offerMinutes: env.WAITLIST_OFFER_TTL_MINUTES,
        siteUrl: env.PUBLIC_SITE_URL,
        events: ctx.events,
        requestId: ctx.requestId,
      }),
    ),
});
