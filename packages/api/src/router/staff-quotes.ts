import { z } from 'zod';
import { createQuote, sendQuote, withdrawQuote } from '../domain/quotes/build';
import { listQuotes, quoteDetail } from '../domain/quotes/read';
import { CreateQuoteInput, QuoteId, QuoteView } from '../domain/quotes/schemas';
import { env } from '../env';
import { router, staffProcedure } from '../trpc';

/** Offers staff build for a customer (staff.quotes.*): priced now, booked when accepted. */
export const staffQuotesRouter = router({
  list: staffProcedure('quotes:read')
    .output(z.array(QuoteView))
    .query(({ ctx }) => listQuotes(ctx.db, ctx.staff.orgId)),

  get: staffProcedure('quotes:read')
    .input(QuoteId)
    .output(QuoteView)
    .query(({ ctx, input }) => quoteDetail(ctx.db, ctx.staff.orgId, input.quoteId)),

  /** A draft: inventory priced by the engine (not held), custom lines, markup or discount (audited). */
  create: staffProcedure('bookings:sell')
    .input(CreateQuoteInput)
    .output(QuoteView)
    .mutation(({ ctx, input }) =>
      createQuote(ctx.db, input, ctx.staff, { requestId: ctx.requestId }),
    ),

  /** Emails the customer a new link to the offer (an earlier one stops working); audited. */
  send: staffProcedure('bookings:sell')
    .input(QuoteId)
    .output(z.object({ offerUrl: z.string() }))
    .mutation(({ ctx, input }) =>
      sendQuote(ctx.db, input.quoteId, ctx.staff, {
        requestId: ctx.requestId,
        siteUrl: env.PUBLIC_SITE_URL,
      }),
    ),

  withdraw: staffProcedure('bookings:sell')
    .input(QuoteId)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await withdrawQuote(ctx.db, input.quoteId, ctx.staff, { requestId: ctx.requestId });
      return { ok: true as const };
    }),
});
