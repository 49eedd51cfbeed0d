import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { roleCan } from '../domain/access/permissions';
import { staffCancelBooking } from '../domain/booking-desk/cancel';
import { staffBookingDetail } from '../domain/booking-desk/detail';
import { addBookingNote, resendConfirmation } from '../domain/booking-desk/messages';
import { moveBooking } from '../domain/booking-desk/move';
import { moveOptions } from '../domain/booking-desk/move-options';
import { slotMoveOptions } from '../domain/booking-desk/slot-move-options';
import {
  AddNoteInput,
  BookingSearchInput,
  BookingSearchResult,
  MoveBookingInput,
  MoveBookingResult,
  MoveOptions,
  MoveOptionsInput,
  ReferenceInput,
  SlotMoveOptions,
  SlotMoveOptionsInput,
  StaffBookingDetail,
  StaffCancelInput,
} from '../domain/booking-desk/schemas';
import { searchBookings } from '../domain/booking-desk/search';
import { markOfflinePaymentPaid } from '../domain/bookings/mark-paid';
import { paymentLink, resendPaymentLink } from '../domain/payments/payment-link';
import { router, staffProcedure } from '../trpc';

/** The booking desk (staff.bookings.*): find bookings, read their history, act on them (audited). */
export const staffBookingsRouter = router({
  search: staffProcedure('bookings:read')
    .input(BookingSearchInput)
    .output(BookingSearchResult)
    .query(({ ctx, input }) => searchBookings(ctx.db, ctx.staff.orgId, input)),

  /** A booking with its items, tickets and timeline. */
  detail: staffProcedure('bookings:read')
    .input(ReferenceInput)
    .output(StaffBookingDetail)
    .query(({ ctx, input }) => staffBookingDetail(ctx.db, ctx.staff.orgId, input.reference)),

  /** Cancels with the policy's refund, or the amount staff give (refunds need payments:refund). */
  cancel: staffProcedure('bookings:write')
    .input(StaffCancelInput)
    .output(z.object({ refundId: z.uuid().nullable(), refundAmount: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      // Deciding an amount is a refund decision; the policy's refund is the customer's right.
      if (input.refundAmount !== undefined && !roleCan(ctx.staff.role, 'payments:refund'))
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: `Your role (${ctx.staff.role}) cannot choose a refund (payments:refund); cancel under the policy.`,
        });
      return staffCancelBooking(ctx.db, input, ctx.staff, {
        provider: ctx.payments,
        events: ctx.events,
        requestId: ctx.requestId,
      });
    }),

  /** Emails the confirmation (with the tickets) again. */
  resendConfirmation: staffProcedure('bookings:write')
    .input(ReferenceInput)
    .output(z.object({ recipient: z.string() }))
    .mutation(({ ctx, input }) =>
      resendConfirmation(ctx.db, input.reference, ctx.staff, ctx.requestId),
    ),

  addNote: staffProcedure('bookings:write')
    .input(AddNoteInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await addBookingNote(ctx.db, input, ctx.staff, ctx.requestId);
      return { ok: true as const };
    }),

  /** The payment page of a booking waiting for payment, to send to the customer. */
  paymentLink: staffProcedure('bookings:write')
    .input(ReferenceInput)
    .output(z.object({ url: z.string(), dueAt: z.date().nullable() }))
    .query(({ ctx, input }) => paymentLink(ctx.db, input.reference, ctx.staff, ctx.payments)),

  /**
   * Emails the payment link again (audited): a balance gets a new link with a fresh deadline,
   * a booking waiting for payment its own link, due when its places stop being held.
   */
  resendPaymentLink: staffProcedure('bookings:write')
    .input(ReferenceInput)
    .output(z.object({ url: z.string(), dueAt: z.date().nullable(), recipient: z.string() }))
    .mutation(({ ctx, input }) =>
      resendPaymentLink(ctx.db, input.reference, ctx.staff, {
        provider: ctx.payments,
        requestId: ctx.requestId,
      }),
    ),

  /** A pay-at-venue booking was paid: confirm it (audited). */
  markPaid: staffProcedure('bookings:write')
    .input(ReferenceInput)
    .output(z.object({ outcome: z.enum(['confirmed', 'already_settled', 'refund_due']) }))
    .mutation(({ ctx, input }) =>
      markOfflinePaymentPaid(ctx.db, input.reference, ctx.staff, {
        events: ctx.events,
        requestId: ctx.requestId,
      }),
    ),

  /** The seats of a booking, the dates it can move to and the free seats of one of them. */
  moveOptions: staffProcedure('bookings:write')
    .input(MoveOptionsInput)
    .output(MoveOptions)
    .query(({ ctx, input }) => moveOptions(ctx.db, input, ctx.staff)),

  /** An appointment's resources and one day's free start times on one of them. */
  slotMoveOptions: staffProcedure('bookings:write')
    .input(SlotMoveOptionsInput)
    .output(SlotMoveOptions)
    .query(({ ctx, input }) => slotMoveOptions(ctx.db, input, ctx.staff)),

  /**
   * Other seats, tickets on another date or of another type, or another time for an appointment;
   * the price difference is settled (audited). A booking waiting for payment owes its new total.
   */
  move: staffProcedure('bookings:write')
    .input(MoveBookingInput)
    .output(MoveBookingResult)
    .mutation(({ ctx, input }) =>
      moveBooking(ctx.db, input, ctx.staff, {
        provider: ctx.payments,
        events: ctx.events,
        requestId: ctx.requestId,
      }),
    ),
});
