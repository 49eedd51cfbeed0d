import { createStaffSale } from '../domain/sales/create-sale';
import { StaffSaleInput, StaffSaleResult } from '../domain/sales/schemas';
import { router, staffProcedure } from '../trpc';

/** Phone and desk sales (staff.sales.*): staff book for a customer on the agent channel. */
export const staffSalesRouter = router({
  /** Holds the inventory, books it for the customer and takes or requests the payment (audited). */
  create: staffProcedure('bookings:sell')
    .input(StaffSaleInput)
    .output(StaffSaleResult)
    .mutation(({ ctx, input }) =>
      createStaffSale(ctx.db, input, ctx.staff, {
        provider: ctx.payments,
        events: ctx.events,
        requestId: ctx.requestId,
      }),
    ),
});
