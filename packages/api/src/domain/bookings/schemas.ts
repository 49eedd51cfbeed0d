import { z } from 'zod';
import { Email } from '../accounts/schemas';
import { Money } from '../shared/schemas';

export const Reference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{6,12}$/, { error: 'A booking reference is 6 to 12 letters and digits' });

export const Contact = z.object({
  name: z.string().trim().min(1, { error: 'Enter your name' }).max(120),
  email: Email,
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, {
      error: 'Enter a phone number with digits only (and an optional +)',
    })
    .optional(),
});

export const AttendeeInput = z.object({
  name: z.string().trim().min(1, { error: 'Enter the name of each attendee' }).max(120),
  email: Email.optional(),
  phone: z.string().trim().max(30).optional(),
  details: z.record(z.string(), z.string().max(200)).optional(),
});

export const CheckoutInput = z.object({
  holdId: z.uuid({ error: 'This hold link is not valid' }),
  idempotencyKey: z
    .string()
    .min(8, { error: 'Use an idempotency key of at least 8 characters' })
    .max(200),
  contact: Contact,
  /** One per seat or ticket, in the hold's order; required when the offering asks for names. */
  attendees: z.array(AttendeeInput).max(100).optional(),
  promoCode: z.string().trim().toUpperCase().min(3).max(40).optional(),
});
export type CheckoutInput = z.infer<typeof CheckoutInput>;

export const BookingStatus = z.enum([
  'pending_payment',
  'confirmed',
  'cancelled',
  'refunded',
  'expired',
]);

export const PaymentView = z.object({
  provider: z.enum(['stripe', 'offline']),
  status: z.enum(['pending', 'succeeded', 'failed', 'expired', 'cancelled']),
  amount: Money,
  redirectUrl: z.string().nullable(),
  instructions: z.string().nullable(),
  dueAt: z.date().nullable(),
});

export const CheckoutResult = z.object({
  reference: z.string(),
  status: BookingStatus,
  total: Money,
  payment: PaymentView.nullable(),
});
export type CheckoutResult = z.infer<typeof CheckoutResult>;

export const ByReferenceInput = z.object({ reference: Reference, email: Email });
export const CancelInput = z.object({ reference: Reference, email: Email.optional() });

export const BookingView = z.object({
  reference: z.string(),
  status: BookingStatus,
  offering: z.object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(['event', 'trip', 'appointment']),
  }),
  startsAt: z.date().nullable(),
  endsAt: z.date().nullable(),
  timeZone: z.string(),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
  items: z.array(
    z.object({
      description: z.string(),
      quantity: z.number().int(),
      unitPrice: Money,
      total: Money,
    }),
  ),
  subtotal: Money,
  discount: Money,
  tax: Money,
  total: Money,
  paid: Money,
  refunded: Money,
  tickets: z.array(
    z.object({
      code: z.string(),
      /** The signed payload of the ticket's QR code (domain/tickets/signature.ts). */
      qr: z.string(),
      holder: z.string().nullable(),
      status: z.enum(['valid', 'void']),
      checkedInAt: z.date().nullable(),
    }),
  ),
  payment: PaymentView.nullable(),
  cancellation: z.object({ allowed: z.boolean(), until: z.date().nullable(), refund: Money }),
  createdAt: z.date(),
});
export type BookingView = z.infer<typeof BookingView>;
