import { z } from 'zod';

export const QuoteInput = z.object({
  holdId: z.uuid({ error: 'This hold link is not valid' }),
  promoCode: z.string().trim().toUpperCase().min(3).max(40).optional(),
});

export const PriceQuote = z.object({
  lines: z.array(
    z.object({
      description: z.string(),
      quantity: z.number().int(),
      unitAmount: z.number().int(),
      amount: z.number().int(),
    }),
  ),
  subtotal: z.number().int(),
  discount: z.number().int(),
  tax: z.number().int(),
  taxInclusive: z.boolean(),
  total: z.number().int(),
  currency: z.string(),
});
