import { z } from 'zod';
import type { Context } from '../context';
import { quoteHold } from '../domain/bookings/quote';
import { PriceQuote, QuoteInput } from '../domain/bookings/quote-schemas';
import { createHold } from '../domain/holds/create';
import { sharedRateLimit } from '../domain/holds/rate-limit';
import { releaseHold } from '../domain/holds/release';
import { CreateHoldInput, HoldId, HoldView } from '../domain/holds/schemas';
import { holdView, type HoldRequester } from '../domain/holds/store';
import { bookingProcedure, router } from '../trpc';

const requesterOf = (ctx: Context): HoldRequester => ({
  clientKey: ctx.clientKey,
  userId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  source: ctx.actor.kind === 'apiKey' ? 'api' : 'customer',
});

/** Holds are public: the unguessable hold id is the capability (whoever has it controls it). */
export const holdsRouter = router({
  create: bookingProcedure
    .input(CreateHoldInput)
    .output(HoldView)
    .mutation(async ({ ctx, input }) => {
      await sharedRateLimit(ctx.redis, 'holds.create', ctx.engine.holdsPerMinute).consume(
        ctx.clientKey,
      );
      return createHold(ctx.db, input, requesterOf(ctx), {
        events: ctx.events,
        policy: { maxLiveHoldsPerClient: ctx.engine.maxLiveHoldsPerClient },
      });
    }),

  get: bookingProcedure
    .input(HoldId)
    .output(HoldView)
    .query(({ ctx, input }) => holdView(ctx.db, input.holdId)),

  /** The price checkout would charge, with a promo code tried (not used up). */
  price: bookingProcedure
    .input(QuoteInput)
    .output(PriceQuote)
    .query(({ ctx, input }) => quoteHold(ctx.db, input.holdId, input.promoCode)),

  release: bookingProcedure
    .input(HoldId)
    .output(z.object({ holdId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      await releaseHold(ctx.db, input.holdId, { events: ctx.events });
      return { holdId: input.holdId };
    }),
});
