import { orgProfile, updateOrgProfile } from '../domain/org-settings/profile';
import { z } from 'zod';
import {
  OrgProfileView,
  SaveTaxRateInput,
  TaxRateView,
  UpdateOrgProfileInput,
} from '../domain/org-settings/schemas';
import { listTaxRates, saveTaxRate } from '../domain/org-settings/tax-rates';
import { router, staffProcedure } from '../trpc';

/** The org's profile and defaults (staff.settings.*): owners and managers change them. */
export const staffSettingsRouter = router({
  profile: staffProcedure('org:read')
    .output(OrgProfileView)
    .query(({ ctx }) => orgProfile(ctx.db, ctx.staff.orgId)),

  updateProfile: staffProcedure('org:write')
    .input(UpdateOrgProfileInput)
    .output(OrgProfileView)
    .mutation(({ ctx, input }) => updateOrgProfile(ctx.db, input, ctx.staff, ctx.requestId)),

  taxRates: staffProcedure('org:read')
    .output(z.array(TaxRateView))
    .query(({ ctx }) => listTaxRates(ctx.db, ctx.staff.orgId)),

  /** Creates a tax rate, or changes one (with its id). */
  saveTaxRate: staffProcedure('org:write')
    .input(SaveTaxRateInput)
    .output(TaxRateView)
    .mutation(({ ctx, input }) => saveTaxRate(ctx.db, input, ctx.staff, ctx.requestId)),
});
