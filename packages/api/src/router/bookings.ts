import { z } from 'zod';
import type { Context } from '../context';
import { cancelBooking, type CancelRequester } from '../domain/bookings/cancel';
import { quoteCancellation } from '../domain/bookings/cancellation-quote';
import { CancellationQuote } from '../domain/bookings/cancellation-quote-schemas';
import { checkout, type BookingRequester } from '../domain/bookings/checkout';
import { bookingByReference, customerBookings } from '../domain/bookings/lookup';
import { bookingStatusGrant } from '../domain/realtime/grants';
import { RoomTokenView } from '../domain/realtime/schemas';
import {
  BookingView,
  ByReferenceInput,
  CancelInput,
  CheckoutInput,
  CheckoutResult,
} from '../domain/bookings/schemas';
import { env } from '../env';
import { AppError } from '../errors';
import { bookingProcedure, customerProcedure, router } from '../trpc';

const requesterOf = (ctx: Context): BookingRequester => ({
  userId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  channel: ctx.actor.kind === 'apiKey' ? 'api' : 'web',
  apiKeyId: ctx.actor.kind === 'apiKey' ? ctx.actor.apiKeyId : null,
  createdByUserId: null,
});

/** A signed-in customer acts on their own bookings; a guest names the booking's email. */
function cancelRequesterOf(ctx: Context, email: string | undefined): CancelRequester {
  if (ctx.actor.kind === 'user') return { kind: 'customer', userId: ctx.actor.userId };
  if (email) return { kind: 'guest', email };
  throw new AppError('VALIDATION', 'Give the email the booking was made with.');
}

export const bookingsRouter = router({
  checkout: bookingProcedure
    .input(CheckoutInput)
    .output(CheckoutResult)
    .mutation(({ ctx, input }) =>
      checkout(ctx.db, input, requesterOf(ctx), { provider: ctx.payments, events: ctx.events }),
    ),

  byReference: bookingProcedure
    .input(ByReferenceInput)
    .output(BookingView)
    .query(({ ctx, input }) => bookingByReference(ctx.db, input.reference, input.email)),

  /** A short-lived token to receive this booking's status changes from the realtime gateway. */
  realtimeToken: bookingProcedure
    .input(ByReferenceInput)
    .output(RoomTokenView)
    .query(({ ctx, input }) =>
      bookingStatusGrant(ctx.db, env.REALTIME_TOKEN_SECRET, input.reference, input.email),
    ),

  mine: customerProcedure
    .output(z.array(BookingView))
    .query(({ ctx }) => customerBookings(ctx.db, ctx.user.id)),

  /** What cancelling would refund, or why it is not possible online; changes nothing. */
  cancellationQuote: bookingProcedure
    .input(CancelInput)
    .output(CancellationQuote)
    .query(({ ctx, input }) =>
      quoteCancellation(ctx.db, input.reference, cancelRequesterOf(ctx, input.email)),
    ),

  cancel: bookingProcedure
    .input(CancelInput)
    .output(z.object({ reference: z.string(), refundRequested: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { refundId } = await cancelBooking(
        ctx.db,
        input.reference,
        cancelRequesterOf(ctx, input.email),
        { provider: ctx.payments, events: ctx.events },
      );
      return { reference: input.reference, refundRequested: refundId !== null };
    }),
});
