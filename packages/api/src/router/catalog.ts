import { listOfferings } from '../domain/catalog/offerings';
import { ListOfferingsInput, OfferingPage } from '../domain/catalog/schemas';
import { publicProcedure, router } from '../trpc';

export const catalogRouter = router({
  offerings: publicProcedure
    .input(ListOfferingsInput)
    .output(OfferingPage)
    .query(({ ctx, input }) => listOfferings(ctx.db, input)),
});
