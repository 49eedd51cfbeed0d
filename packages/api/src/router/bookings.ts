import { z } from 'zod';
import type { Context } from '../context';
import { cancelBooking } from '../domain/bookings/cancel';
import { checkout, type BookingRequester } from '../domain/bookings/checkout';
import { bookingByReference, customerBookings } from '../domain/bookings/lookup';
import {
  BookingView,
  ByReferenceInput,
  CancelInput,
  CheckoutInput,
  CheckoutResult,
} from '../domain/bookings/schemas';
import { AppError } from '../errors';
import { customerProcedure, publicProcedure, router } from '../trpc';

const requesterOf = (ctx: Context): BookingRequester => ({
  userId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  channel: ctx.actor.kind === 'apiKey' ? 'api' : 'web',
  apiKeyId: ctx.actor.kind === 'apiKey' ? ctx.actor.apiKeyId : null,
  createdByUserId: null,
});

export const bookingsRouter = router({
  checkout: publicProcedure
    .input(CheckoutInput)
    .output(CheckoutResult)
    .mutation(({ ctx, input }) =>
      checkout(ctx.db, input, requesterOf(ctx), { provider: ctx.payments, events: ctx.events }),
    ),

  byReference: publicProcedure
    .input(ByReferenceInput)
    .output(BookingView)
    .query(({ ctx, input }) => bookingByReference(ctx.db, input.reference, input.email)),

  mine: customerProcedure
    .output(z.array(BookingView))
    .query(({ ctx }) => customerBookings(ctx.db, ctx.user.id)),

  cancel: publicProcedure
    .input(CancelInput)
    .output(z.object({ reference: z.string(), refundRequested: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const requester =
        ctx.actor.kind === 'user'
          ? ({ kind: 'customer', userId: ctx.actor.userId } as const)
          : input.email
            ? ({ kind: 'guest', email: input.email } as const)
            : null;
      if (!requester) throw new AppError('VALIDATION', 'Give the email the booking was made with.');
      const { refundId } = await cancelBooking(ctx.db, input.reference, requester, {
        provider: ctx.payments,
        events: ctx.events,
      });
      return { reference: input.reference, refundRequested: refundId !== null };
    }),
});
