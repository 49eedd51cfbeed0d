import { z } from 'zod';
import { Email } from '../accounts/schemas';
import { Currency, TimeZone } from '../catalog-admin/schemas';
import { HOLD_MINUTES_MAX, HOLD_MINUTES_MIN } from './hold-bounds';

export const UpdateOrgProfileInput = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(200),
  contactEmail: Email.nullable(),
  timeZone: TimeZone,
  currency: Currency,
  holdMinutes: z
    .number({ error: 'Enter a number of minutes' })
    .int('Use whole minutes')
    .min(HOLD_MINUTES_MIN, `Use at least ${HOLD_MINUTES_MIN} minute`)
    .max(HOLD_MINUTES_MAX, `Use at most ${HOLD_MINUTES_MAX} minutes`),
  defaultTaxRateId: z.uuid('Choose one of the tax rates').nullable(),
});
export type UpdateOrgProfileInput = z.infer<typeof UpdateOrgProfileInput>;

export const TaxRateView = z.object({
  id: z.uuid(),
  name: z.string(),
  rateBasisPoints: z.number().int(),
  inclusive: z.boolean(),
});

export const OrgProfileView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  contactEmail: z.string().nullable(),
  timeZone: z.string(),
  currency: z.string(),
  holdMinutes: z.number().int(),
  defaultTaxRateId: z.uuid().nullable(),
  /** The org's tax rates, to choose the default from. */
  taxRates: z.array(TaxRateView),
});
export type OrgProfileView = z.infer<typeof OrgProfileView>;

/** A new tax rate (no id) or changes to one of the org's. */
export const SaveTaxRateInput = z.object({
  id: z.uuid('Choose one of the tax rates').optional(),
  name: z.string().trim().min(1, 'Enter a name').max(100),
  /** 2000 = 20 %. */
  rateBasisPoints: z
    .number({ error: 'Enter a rate' })
    .int('Use whole basis points (2000 = 20 %)')
    .min(0, 'A rate cannot be negative')
    .max(10_000, 'Use at most 10000 basis points (100 %)'),
  /** Whether prices already include the tax (consumer prices in Europe do). */
  inclusive: z.boolean(),
});
export type SaveTaxRateInput = z.infer<typeof SaveTaxRateInput>;
