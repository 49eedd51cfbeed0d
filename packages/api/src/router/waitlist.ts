import { joinWaitlist } from '../domain/waitlist/join';
import { JoinWaitlistInput, WaitlistEntryView } from '../domain/waitlist/schemas';
import { publicProcedure, router } from '../trpc';

export const waitlistRouter = router({
  join: publicProcedure
    .input(JoinWaitlistInput)
    .output(WaitlistEntryView)
    .mutation(({ ctx, input }) =>
      joinWaitlist(ctx.db, input, ctx.actor.kind === 'user' ? ctx.actor.userId : null),
    ),
});
