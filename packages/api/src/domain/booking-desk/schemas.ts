import { z } from 'zod';
import { Reference } from '../bookings/schemas';
import { Cursor, Money, OfferingKind } from '../shared/schemas';

export const BookingStatus = z.enum([
  'pending_payment',
  'confirmed',
  'cancelled',
  'refunded',
  'expired',
]);

/** Where the money stands, derived from paid and refunded amounts (one SQL expression: payment-state.ts). */
export const PaymentState = z.enum(['unpaid', 'paid', 'partially_refunded', 'refunded']);
export type PaymentState = z.infer<typeof PaymentState>;

const LocalDate = z.iso.date({ error: 'Give a date as YYYY-MM-DD' });

export const BookingSearchInput = z
  .object({
    /** A reference, or part of an email, name or phone. */
    query: z.string().trim().max(120).optional(),
    status: BookingStatus.optional(),
    paymentState: PaymentState.optional(),
    occurrenceId: z.uuid({ error: 'Choose a date from the list' }).optional(),
    /** The booked date (event, departure or slot) on or after this day, in the org's zone. */
    from: LocalDate.optional(),
    /** ... and on or before this day. */
    to: LocalDate.optional(),
    cursor: Cursor.optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    error: 'The first day must not be after the last',
    path: ['to'],
  });
export type BookingSearchInput = z.input<typeof BookingSearchInput>;

export const BookingRow = z.object({
  reference: z.string(),
  status: BookingStatus,
  paymentState: PaymentState,
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
  offeringName: z.string(),
  startsAt: z.date().nullable(),
  timeZone: z.string(),
  total: Money,
  createdAt: z.date(),
});
export type BookingRow = z.infer<typeof BookingRow>;

export const BookingSearchResult = z.object({
  items: z.array(BookingRow),
  nextCursor: z.string().nullable(),
});

export const ReferenceInput = z.object({ reference: Reference });

export const TimelineEntry = z.object({
  at: z.date(),
  kind: z.enum(['booking', 'hold', 'payment', 'refund', 'email', 'check_in', 'audit', 'note']),
  title: z.string(),
  detail: z.string().nullable(),
  /** Who did it, when a person did (a staff email, a scanner). */
  actor: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const StaffBookingDetail = BookingRow.extend({
  offeringKind: OfferingKind,
  /** Where it was sold: the site, staff (phone or desk sales, quotes) or the API. */
  channel: z.enum(['web', 'agent', 'api']),
  occurrenceId: z.uuid().nullable(),
  paid: z.number().int(),
  refunded: z.number().int(),
  /** Paid, not refunded and not being refunded: the most a refund can give back now. */
  refundable: z.number().int(),
  /** What cancelling now gives back under the policy: all that is refundable before the cut-off, nothing after. */
  policyRefund: z.number().int(),
  /** Money is owed at the venue (mark it paid). */
  offlinePaymentDue: z.boolean(),
  /** Money is owed by card: the payment link can be (re)sent. */
  linkPaymentDue: z.boolean(),
  items: z.array(
    z.object({
      kind: z.enum(['seat', 'ticket', 'slot', 'add_on', 'custom']),
      description: z.string(),
      quantity: z.number().int(),
      total: z.number().int(),
    }),
  ),
  tickets: z.array(
    z.object({
      code: z.string(),
      holder: z.string().nullable(),
      status: z.enum(['valid', 'void']),
      checkedInAt: z.date().nullable(),
    }),
  ),
  timeline: z.array(TimelineEntry),
});
export type StaffBookingDetail = z.infer<typeof StaffBookingDetail>;

export const StaffCancelInput = ReferenceInput.extend({
  /** Omitted: the policy's refund. A number: what staff decided to give back (minor units). */
  refundAmount: z.number().int().min(0, { error: 'A refund cannot be negative' }).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type StaffCancelInput = z.infer<typeof StaffCancelInput>;

export const AddNoteInput = ReferenceInput.extend({
  note: z
    .string()
    .trim()
    .min(1, { error: 'Write the note first' })
    .max(2000, { error: 'A note is at most 2000 characters' }),
});

const MoveDate = z.uuid({ error: 'Choose a date from the list' });

/** Seats of the booking to other seats, on its date or another date of the same offering. */
export const SeatMoveInput = ReferenceInput.extend({
  kind: z.literal('seats'),
  /** The date to move to: the booking's own, or another date of the same offering. */
  occurrenceId: MoveDate,
  /** Each seat of the booking that moves, and the seat it moves to. */
  seats: z
    .array(
      z.object({
        bookingItemId: z.uuid({ error: 'Choose a seat of this booking' }),
        seatId: z.uuid({ error: 'Choose a new seat on the map' }),
      }),
    )
    .min(1, { error: 'Choose at least one seat to move' })
    .max(50),
});

/** General-admission tickets to another date of the offering, each under the same or another ticket type. */
export const TicketMoveInput = ReferenceInput.extend({
  kind: z.literal('tickets'),
  occurrenceId: MoveDate,
  /** Each ticket line of the booking that moves, and the ticket type it becomes. */
  tickets: z
    .array(
      z.object({
        bookingItemId: z.uuid({ error: 'Choose a ticket line of this booking' }),
        ticketTypeId: z.uuid({ error: 'Choose a ticket type' }),
      }),
    )
    .min(1, { error: 'Choose at least one ticket line to move' })
    .max(20),
});

/** An appointment to another start time, on the same resource or another one of the service. */
export const SlotMoveInput = ReferenceInput.extend({
  kind: z.literal('slot'),
  start: z.date({ error: 'Choose a start time from the list' }),
  /** Omitted: the appointment's own resource. */
  resourceId: z.uuid({ error: 'Choose a resource from the list' }).optional(),
});

export const MoveBookingInput = z.discriminatedUnion('kind', [
  SeatMoveInput,
  TicketMoveInput,
  SlotMoveInput,
]);
export type MoveBookingInput = z.infer<typeof MoveBookingInput>;
export type SeatMoveInput = z.infer<typeof SeatMoveInput>;
export type TicketMoveInput = z.infer<typeof TicketMoveInput>;
export type SlotMoveInput = z.infer<typeof SlotMoveInput>;

export const MoveBookingResult = z.object({
  /** New total minus old total: negative when the new seats cost less. */
  priceDifference: Money,
  /** The refund of a cheaper move (sent to the provider after commit). */
  refundId: z.uuid().nullable(),
  /** The payment the customer owes for a dearer move (pay by link, or mark paid). */
  paymentId: z.uuid().nullable(),
  /** A booking still waiting for payment: the link for its new total was emailed. */
  linkEmailed: z.boolean(),
});
export type MoveBookingResult = z.infer<typeof MoveBookingResult>;

export const MoveOptionsInput = ReferenceInput.extend({
  /** The date whose free seats to list; omitted: the booking's own. */
  occurrenceId: z.uuid({ error: 'Choose a date from the list' }).optional(),
});

/** What staff choose from when moving a booking: its places, the dates, what is free on one. */
export const MoveOptions = z.object({
  /** What the booking holds, so what moves: seats, general-admission tickets, or an appointment. */
  kind: z.enum(['seats', 'tickets', 'slot']),
  occurrenceId: z.uuid(),
  timeZone: z.string(),
  seats: z.array(z.object({ bookingItemId: z.uuid(), description: z.string(), total: Money })),
  /** General admission: the booking's ticket lines. */
  ticketLines: z.array(
    z.object({
      bookingItemId: z.uuid(),
      description: z.string(),
      quantity: z.number().int(),
      ticketTypeId: z.uuid(),
      total: Money,
    }),
  ),
  dates: z.array(z.object({ occurrenceId: z.uuid(), startsAt: z.date() })),
  freeSeats: z.array(
    z.object({
      seatId: z.uuid(),
      label: z.string(),
      /** The seat's current price for its tier; null when its category is not on sale. */
      price: Money.nullable(),
    }),
  ),
  /** General admission: the ticket types on sale on the date, at their current price, with what is left. */
  ticketTypes: z.array(
    z.object({
      ticketTypeId: z.uuid(),
      name: z.string(),
      price: Money,
      remaining: z.number().int(),
    }),
  ),
});
export type MoveOptions = z.infer<typeof MoveOptions>;

export const SlotMoveOptionsInput = ReferenceInput.extend({
  /** The day whose free times to list, in the resource's zone; omitted: the booked day. */
  day: LocalDate.optional(),
  /** The resource whose free times to list; omitted: the booked one. */
  resourceId: z.uuid({ error: 'Choose a resource from the list' }).optional(),
});

/** What staff choose from when moving an appointment: the service's resources, one day's free times. */
export const SlotMoveOptions = z.object({
  timeZone: z.string(),
  booked: z.object({ description: z.string(), resourceId: z.uuid(), startsAt: z.date() }),
  resources: z.array(z.object({ resourceId: z.uuid(), name: z.string() })),
  resourceId: z.uuid(),
  day: z.string(),
  freeStarts: z.array(z.date()),
});
export type SlotMoveOptions = z.infer<typeof SlotMoveOptions>;
