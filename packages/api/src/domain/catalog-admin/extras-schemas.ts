import { z } from 'zod';
import { refineWith, type FieldRule } from './field-rules';
import { OfferingId } from './schemas';

/** Dynamic pricing steps: from this occupancy percent, or from this many hours before start. */
const PriceRuleFields = z.object({
  ticketTypeId: z.uuid().nullable(),
  kind: z.enum(['occupancy', 'time_to_start']),
  threshold: z.number().int().min(0, 'Cannot be negative'),
  adjustmentKind: z.enum(['percent_bp', 'amount']),
  /** Basis points (1000 = +10%) or minor units; negative for a discount. */
  adjustmentValue: z.number().int(),
  priority: z.number().int(),
});

export const priceRuleRules: readonly FieldRule<z.output<typeof PriceRuleFields>>[] = [
  {
    path: 'threshold',
    message: 'Occupancy is a percent: at most 100',
    holds: ({ kind, threshold }) =>
      kind !== 'occupancy' || threshold === undefined || threshold <= 100,
  },
];

const priceRule = PriceRuleFields.shape;
export const CreatePriceRuleInput = OfferingId.extend({
  ...priceRule,
  ticketTypeId: priceRule.ticketTypeId.default(null),
  priority: priceRule.priority.default(0),
}).superRefine(refineWith(priceRuleRules));
export type CreatePriceRuleInput = z.input<typeof CreatePriceRuleInput>;

export const UpdatePriceRuleInput = PriceRuleFields.partial()
  .extend({ priceRuleId: z.uuid({ error: 'Choose a price rule from the list' }) })
  .superRefine(refineWith(priceRuleRules));
export type UpdatePriceRuleInput = z.output<typeof UpdatePriceRuleInput>;

export const PriceRuleView = PriceRuleFields.extend({ id: z.uuid() });

const PromoCodeFields = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_-]{3,40}$/, 'Use 3 to 40 letters, digits, - or _'),
  discountKind: z.enum(['percent_bp', 'amount']),
  discountValue: z.number().int().positive('The discount must be more than zero'),
  maxRedemptions: z.number().int().positive().nullable(),
  validFrom: z.coerce.date().nullable(),
  validUntil: z.coerce.date().nullable(),
});

export const promoCodeRules: readonly FieldRule<z.output<typeof PromoCodeFields>>[] = [
  {
    path: 'discountValue',
    message: 'At most 10000 basis points (100%)',
    holds: ({ discountKind, discountValue }) =>
      discountKind !== 'percent_bp' || discountValue === undefined || discountValue <= 10000,
  },
  {
    path: 'validUntil',
    message: 'The end must be after the start',
    holds: ({ validFrom, validUntil }) => !validFrom || !validUntil || validUntil > validFrom,
  },
];

const promoCode = PromoCodeFields.shape;
export const CreatePromoCodeInput = OfferingId.extend({
  ...promoCode,
  maxRedemptions: promoCode.maxRedemptions.default(null),
  validFrom: promoCode.validFrom.default(null),
  validUntil: promoCode.validUntil.default(null),
}).superRefine(refineWith(promoCodeRules));
export type CreatePromoCodeInput = z.input<typeof CreatePromoCodeInput>;

/** A usage limit below the redemptions so far is refused. */
export const UpdatePromoCodeInput = PromoCodeFields.partial()
  .extend({ promoCodeId: z.uuid({ error: 'Choose a promo code from the list' }) })
  .superRefine(refineWith(promoCodeRules));
export type UpdatePromoCodeInput = z.output<typeof UpdatePromoCodeInput>;

export const PromoCodeView = PromoCodeFields.extend({
  id: z.uuid(),
  code: z.string(),
  validFrom: z.date().nullable(),
  validUntil: z.date().nullable(),
  redeemedCount: z.number().int(),
  active: z.boolean(),
});

const AddOnFields = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(200),
  priceAmount: z.number().int().min(0, 'Price cannot be negative'),
  perItem: z.boolean(),
  maxPerOrder: z.number().int().min(1),
  stock: z.number().int().min(0).nullable(),
});

const addOn = AddOnFields.shape;
export const CreateAddOnInput = OfferingId.extend({
  ...addOn,
  perItem: addOn.perItem.default(false),
  maxPerOrder: addOn.maxPerOrder.default(10),
  stock: addOn.stock.default(null),
});
export type CreateAddOnInput = z.input<typeof CreateAddOnInput>;

/** A stock below what live holds and bookings have is refused. */
export const UpdateAddOnInput = AddOnFields.partial().extend({
  addOnId: z.uuid({ error: 'Choose an extra from the list' }),
});
export type UpdateAddOnInput = z.output<typeof UpdateAddOnInput>;

export const AddOnView = AddOnFields.extend({
  id: z.uuid(),
  currency: z.string(),
  active: z.boolean(),
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
