import { orgProfile, updateOrgProfile } from '../domain/org-settings/profile';
import { OrgProfileView, UpdateOrgProfileInput } from '../domain/org-settings/schemas';
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
});
