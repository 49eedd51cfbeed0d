import { z } from 'zod';
import { OfferingId } from './schemas';

/** Dynamic pricing steps: from this occupancy percent, or from this many hours before start. */
export const CreatePriceRuleInput = OfferingId.extend({
  ticketTypeId: z.uuid().nullable().default(null),
  kind: z.enum(['occupancy', 'time_to_start']),
  threshold: z.number().int().min(0, 'Cannot be negative'),
  adjustmentKind: z.enum(['percent_bp', 'amount']),
  /** Basis points (1000 = +10%) or minor units; negative for a discount. */
  adjustmentValue: z.number().int(),
  priority: z.number().int().default(0),
}).refine((rule) => rule.kind !== 'occupancy' || rule.threshold <= 100, {
  path: ['threshold'],
  message: 'Occupancy is a percent: at most 100',
});
export type CreatePriceRuleInput = z.input<typeof CreatePriceRuleInput>;

export const PriceRuleView = z.object({
  id: z.uuid(),
  ticketTypeId: z.uuid().nullable(),
  kind: z.enum(['occupancy', 'time_to_start']),
  threshold: z.number().int(),
  adjustmentKind: z.enum(['percent_bp', 'amount']),
  adjustmentValue: z.number().int(),
  priority: z.number().int(),
});

export const CreatePromoCodeInput = OfferingId.extend({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_-]{3,40}$/, 'Use 3 to 40 letters, digits, - or _'),
  discountKind: z.enum(['percent_bp', 'amount']),
  discountValue: z.number().int().positive('The discount must be more than zero'),
  maxRedemptions: z.number().int().positive().nullable().default(null),
  validFrom: z.coerce.date().nullable().default(null),
  validUntil: z.coerce.date().nullable().default(null),
})
  .refine((promo) => promo.discountKind !== 'percent_bp' || promo.discountValue <= 10000, {
    path: ['discountValue'],
    message: 'At most 10000 basis points (100%)',
  })
  .refine((promo) => !promo.validFrom || !promo.validUntil || promo.validUntil > promo.validFrom, {
    path: ['validUntil'],
    message: 'The end must be after the start',
  });
export type CreatePromoCodeInput = z.input<typeof CreatePromoCodeInput>;

export const PromoCodeView = z.object({
  id: z.uuid(),
  code: z.string(),
  discountKind: z.enum(['percent_bp', 'amount']),
  discountValue: z.number().int(),
  maxRedemptions: z.number().int().nullable(),
  redeemedCount: z.number().int(),
  validFrom: z.date().nullable(),
  validUntil: z.date().nullable(),
});

export const CreateAddOnInput = OfferingId.extend({
  name: z.string().trim().min(1, 'Enter a name').max(200),
  priceAmount: z.number().int().min(0, 'Price cannot be negative'),
  perItem: z.boolean().default(false),
  maxPerOrder: z.number().int().min(1).default(10),
  stock: z.number().int().min(0).nullable().default(null),
});
export type CreateAddOnInput = z.input<typeof CreateAddOnInput>;

export const AddOnView = z.object({
  id: z.uuid(),
  name: z.string(),
  priceAmount: z.number().int(),
  currency: z.string(),
  perItem: z.boolean(),
  maxPerOrder: z.number().int(),
  stock: z.number().int().nullable(),
});

export const OfferingExtras = z.object({
  priceRules: z.array(PriceRuleView),
  promoCodes: z.array(PromoCodeView),
  addOns: z.array(AddOnView),
});
export type OfferingExtras = z.infer<typeof OfferingExtras>;

/** A catalog item of an offering that staff remove: deleted when unused, else deactivated. */
export const RemoveCatalogItemInput = z.object({
  kind: z.enum(['ticket_type', 'price_rule', 'promo_code', 'add_on']),
  id: z.uuid({ error: 'Choose an item from the list' }),
});
export type RemoveCatalogItemInput = z.infer<typeof RemoveCatalogItemInput>;

export const RemoveCatalogItemResult = z.object({
  outcome: z.enum(['deleted', 'deactivated']),
  message: z.string(),
});
export type RemoveCatalogItemResult = z.infer<typeof RemoveCatalogItemResult>;
