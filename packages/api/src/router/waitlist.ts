import { joinWaitlist } from '../domain/waitlist/join';
import { JoinWaitlistInput, WaitlistEntryView } from '../domain/waitlist/schemas';
import { bookingProcedure, router } from '../trpc';

export const waitlistRouter = router({
  join: bookingProcedure
    .input(JoinWaitlistInput)
    .output(WaitlistEntryView)
    .mutation(({ ctx, input }) =>
      joinWaitlist(ctx.db, input, ctx.actor.kind === 'user' ? ctx.actor.userId : null),
    ),
});
