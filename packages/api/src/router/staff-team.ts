import { z } from 'zod';
import { inviteStaff, pendingInvitations, revokeInvitation } from '../domain/staff/invitations';
import { changeMemberRole, orgMembers, removeMember } from '../domain/staff/members';
import {
  ChangeRoleInput,
  InvitationId,
  InvitationView,
  InviteStaffInput,
  MemberId,
  MemberView,
} from '../domain/staff/schemas';
import { env } from '../env';
import { router, staffProcedure } from '../trpc';

/** Who works for the org (staff.team.*): owners invite, change roles and remove. */
export const staffTeamRouter = router({
  members: staffProcedure('staff:read')
    .output(z.array(MemberView))
    .query(({ ctx }) => orgMembers(ctx.db, ctx.staff.orgId)),

  invitations: staffProcedure('staff:read')
    .output(z.array(InvitationView))
    .query(({ ctx }) => pendingInvitations(ctx.db, ctx.staff.orgId)),

  /** Emails a single-use link (7 days) to join with the role. */
  invite: staffProcedure('staff:manage')
    .input(InviteStaffInput)
    .output(InvitationView)
    .mutation(({ ctx, input }) =>
      inviteStaff(ctx.db, input, ctx.staff, {
        consoleUrl: env.CONSOLE_URL,
        requestId: ctx.requestId,
      }),
    ),

  revokeInvitation: staffProcedure('staff:manage')
    .input(InvitationId)
    .output(z.object({ revoked: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, input.invitationId, ctx.staff, ctx.requestId);
      return { revoked: true as const };
    }),

  changeRole: staffProcedure('staff:manage')
    .input(ChangeRoleInput)
    .output(z.array(MemberView))
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, input, ctx.staff, ctx.requestId)),

  removeMember: staffProcedure('staff:manage')
    .input(MemberId)
    .output(z.array(MemberView))
    .mutation(({ ctx, input }) => removeMember(ctx.db, input.userId, ctx.staff, ctx.requestId)),
});
