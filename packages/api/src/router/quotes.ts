import { acceptQuote } from '../domain/quotes/accept';
import { quoteByTokenHash } from '../domain/quotes/read';
import { AcceptQuoteResult, CustomerQuoteView, QuoteToken } from '../domain/quotes/schemas';
import { hashQuoteToken } from '../domain/quotes/token';
import { publicProcedure, router } from '../trpc';

/** The customer's side of a quote (quotes.*): whoever holds the emailed link reads and accepts it. */
export const quotesRouter = router({
  byToken: publicProcedure
    .input(QuoteToken)
    .output(CustomerQuoteView)
    .query(({ ctx, input }) => quoteByTokenHash(ctx.db, hashQuoteToken(input.token))),

  /** Holds the places now and books them at the quoted total; then pay at `paymentUrl`. */
  accept: publicProcedure
    .input(QuoteToken)
    .output(AcceptQuoteResult)
    .mutation(({ ctx, input }) =>
      acceptQuote(ctx.db, input.token, { provider: ctx.payments, events: ctx.events }),
    ),
});
