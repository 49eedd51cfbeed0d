import { occurrenceAvailability } from '../domain/availability/occurrence';
import {
  OccurrenceAvailability,
  OccurrenceAvailabilityInput,
} from '../domain/availability/occurrence-schemas';
import { slotMonth } from '../domain/appointments/slot-month';
import { SlotMonth, SlotMonthInput } from '../domain/appointments/slot-month-schemas';
import { listSlots } from '../domain/availability/slots-listing';
import { SlotsInput, SlotsView } from '../domain/availability/slots-schemas';
import { publicProcedure, router } from '../trpc';

export const availabilityRouter = router({
  occurrence: publicProcedure
    .input(OccurrenceAvailabilityInput)
    .output(OccurrenceAvailability)
    .query(({ ctx, input }) => occurrenceAvailability(ctx.db, input)),
  slots: publicProcedure
    .input(SlotsInput)
    .output(SlotsView)
    .query(({ ctx, input }) => listSlots(ctx.db, input)),
  /** A month of free slots grouped by the venue's days, for a booking calendar. */
  slotMonth: publicProcedure
    .input(SlotMonthInput)
    .output(SlotMonth)
    .query(({ ctx, input }) => slotMonth(ctx.db, input)),
});
