import { z } from 'zod';
import { staffOrgs } from '../domain/access/membership';
import { markOfflinePaymentPaid } from '../domain/bookings/mark-paid';
import { Reference } from '../domain/bookings/schemas';
import { paymentLink } from '../domain/payments/payment-link';
import { refundBooking } from '../domain/payments/refund-booking';
import { StaffOccurrence, UpcomingOccurrencesInput } from '../domain/occurrences/schemas';
import { upcomingOccurrences } from '../domain/occurrences/upcoming';
import { customerProcedure, router, staffProcedure } from '../trpc';

export const staffRouter = router({
  /** The orgs the signed-in user works for (empty for a customer). */
  orgs: customerProcedure
    .output(
      z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), role: z.string() })),
    )
    .query(({ ctx }) => staffOrgs(ctx.db, ctx.user.id)),

  bookings: router({
    /** The payment page of a booking waiting for payment, to send to the customer. */
    paymentLink: staffProcedure('bookings:write')
      .input(z.object({ reference: Reference }))
      .output(z.object({ url: z.string(), dueAt: z.date().nullable() }))
      .query(({ ctx, input }) => paymentLink(ctx.db, input.reference, ctx.staff, ctx.payments)),

    /** A pay-at-venue booking was paid: confirm it (audited). */
    markPaid: staffProcedure('bookings:write')
      .input(z.object({ reference: Reference }))
      .output(z.object({ outcome: z.enum(['confirmed', 'already_settled', 'refund_due']) }))
      .mutation(({ ctx, input }) =>
        markOfflinePaymentPaid(ctx.db, input.reference, ctx.staff, {
          events: ctx.events,
          requestId: ctx.requestId,
        }),
      ),
  }),

  refunds: router({
    /** Give back all that remains, or `amount` of it, through the payment provider (audited). */
    create: staffProcedure('payments:refund')
      .input(
        z.object({
          reference: Reference,
          amount: z.number().int().positive().optional(),
          idempotencyKey: z.string().min(8).max(200),
        }),
      )
      .output(z.object({ refundId: z.uuid(), amount: z.number().int() }))
      .mutation(({ ctx, input }) =>
        refundBooking(ctx.db, input, ctx.staff, {
          provider: ctx.payments,
          requestId: ctx.requestId,
        }),
      ),
  }),

  occurrences: router({
    upcoming: staffProcedure('catalog:read')
      .input(UpcomingOccurrencesInput)
      .output(z.object({ items: z.array(StaffOccurrence) }))
      .query(async ({ ctx, input }) => ({
        items: await upcomingOccurrences(ctx.db, ctx.staff.orgId, input),
      })),
  }),
});
