import { z } from 'zod';
import { Contact } from '../bookings/schemas';
import { SaleInventory } from '../sales/schemas';
import { Money } from '../shared/schemas';

export const QuoteStatus = z.enum(['draft', 'sent', 'accepted', 'expired', 'withdrawn']);
export type QuoteStatus = z.infer<typeof QuoteStatus>;

export const CustomLineInput = z.object({
  description: z.string().trim().min(1, { error: 'Describe the line' }).max(200),
  /** Minor units. */
  amount: z
    .number({ error: 'Give the amount in minor units' })
    .int({ error: 'Give the amount in minor units' })
    .min(0, { error: 'A line cannot be negative: use a discount' })
    .max(100_000_000),
});

/**
 * A markup (positive) or discount (negative) on the lines: `percent` in basis points
 * (-1000 is 10 % off), `fixed` in minor units.
 */
export const AdjustmentInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('percent'),
    value: z
      .number()
      .int()
      .min(-10_000, { error: 'A discount is at most 100 %' })
      .max(100_000, { error: 'A markup is at most 1000 %' }),
  }),
  z.object({
    kind: z.literal('fixed'),
    value: z.number().int().min(-100_000_000).max(100_000_000),
  }),
]);
export type AdjustmentInput = z.infer<typeof AdjustmentInput>;

export const CreateQuoteInput = z
  .object({
    contact: Contact,
    /** Seats, tickets or a slot, priced by the engine now and held only on acceptance. */
    inventory: SaleInventory.optional(),
    customLines: z.array(CustomLineInput).max(20).default([]),
    adjustment: AdjustmentInput.default({ kind: 'none' }),
    /** The offer stands until then (at most 90 days ahead). */
    validUntil: z.date({ error: 'Give the date the offer is valid until' }),
    /** Only for an offer of custom lines alone; with inventory, the offering's currency. */
    currency: z.string().length(3).toUpperCase().optional(),
  })
  .refine((quote) => quote.inventory || quote.customLines.length > 0, {
    error: 'Add places or at least one custom line',
    path: ['customLines'],
  });
export type CreateQuoteInput = z.infer<typeof CreateQuoteInput>;

export const QuoteId = z.object({ quoteId: z.uuid({ error: 'This quote is not one of ours' }) });

/** The link's secret, as the customer's page reads it from the address. */
export const QuoteToken = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'This offer link is not valid' }),
});

export const QuoteLine = z.object({
  kind: z.enum(['inventory', 'custom']),
  description: z.string(),
  quantity: z.number().int(),
  unitAmount: z.number().int(),
  amount: z.number().int(),
});
export type QuoteLine = z.infer<typeof QuoteLine>;

export const QuoteView = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: QuoteStatus,
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
  offeringName: z.string().nullable(),
  /** When the quoted date or slot starts, with its zone. */
  startsAt: z.date().nullable(),
  timeZone: z.string(),
  lines: z.array(QuoteLine),
  subtotal: Money,
  adjustment: z.object({
    kind: z.enum(['none', 'percent', 'fixed']),
    value: z.number().int(),
    amount: z.number().int(),
  }),
  total: Money,
  validUntil: z.date().nullable(),
  sentAt: z.date().nullable(),
  acceptedAt: z.date().nullable(),
  bookingReference: z.string().nullable(),
  createdAt: z.date(),
});
export type QuoteView = z.infer<typeof QuoteView>;

/** What the customer's page shows: the offer, without staff-only fields. */
export const CustomerQuoteView = QuoteView.omit({ id: true, sentAt: true, createdAt: true }).extend(
  { orgName: z.string() },
);
export type CustomerQuoteView = z.infer<typeof CustomerQuoteView>;

export const AcceptQuoteResult = z.object({
  reference: z.string(),
  status: z.enum(['pending_payment', 'confirmed']),
  total: Money,
  /** Where to pay (Stripe); null when free or paid at the venue. */
  paymentUrl: z.string().nullable(),
  instructions: z.string().nullable(),
});
export type AcceptQuoteResult = z.infer<typeof AcceptQuoteResult>;
