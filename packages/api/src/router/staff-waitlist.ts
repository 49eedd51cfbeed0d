import { z } from 'zod';
import { env } from '../env';
import {
  makeManualOffer,
  ManualOfferInput,
  OccurrenceWaitlistInput,
  StaffWaitlistEntry,
  waitlistOfOccurrence,
} from '../domain/waitlist/staff';
import { datesWithWaitlists, WaitlistDate } from '../domain/waitlist/staff-dates';
import { router, staffProcedure } from '../trpc';

/** A date's waiting list and its offers (staff.waitlist.*). */
export const staffWaitlistRouter = router({
  /** Dates not yet over that have a waiting list, with counts by state. */
  dates: staffProcedure('bookings:read')
    .output(z.array(WaitlistDate))
    .query(({ ctx }) => datesWithWaitlists(ctx.db, ctx.staff.orgId)),

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
