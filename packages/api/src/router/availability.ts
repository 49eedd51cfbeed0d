import { occurrenceAvailability } from '../domain/availability/occurrence';
import {
  OccurrenceAvailability,
  OccurrenceAvailabilityInput,
} from '../domain/availability/occurrence-schemas';
import { slotMonth } from '../domain/appointments/slot-month';
import { SlotMonth, SlotMonthInput } from '../domain/appointments/slot-month-schemas';
import { listSlots } from '../domain/availability/slots-listing';
import { SlotsInput, SlotsView } from '../domain/availability/slots-schemas';
import { catalogProcedure, router } from '../trpc';

export const availabilityRouter = router({
  occurrence: catalogProcedure
    .input(OccurrenceAvailabilityInput)
    .output(OccurrenceAvailability)
    .query(({ ctx, input }) => occurrenceAvailability(ctx.db, input)),
  slots: catalogProcedure
    .input(SlotsInput)
    .output(SlotsView)
    .query(({ ctx, input }) => listSlots(ctx.db, input)),
  /** A month of free slots grouped by the venue's days, for a booking calendar. */
  slotMonth: catalogProcedure
    .input(SlotMonthInput)
    .output(SlotMonth)
    .query(({ ctx, input }) => slotMonth(ctx.db, input)),
});
