import { listSlots } from '../domain/availability/slots-listing';
import { SlotsInput, SlotsView } from '../domain/availability/slots-schemas';
import { publicProcedure, router } from '../trpc';

export const availabilityRouter = router({
  slots: publicProcedure
    .input(SlotsInput)
    .output(SlotsView)
    .query(({ ctx, input }) => listSlots(ctx.db, input)),
});
