import { z } from 'zod';
import {
  acceptAsExistingUser,
  acceptAsNewUser,
  invitationPreview,
} from '../domain/staff/accept-invitation';
import {
  AcceptAsExistingUserInput,
  AcceptAsNewUserInput,
  AcceptedInvitation,
  InvitationPreview,
  InvitationToken,
} from '../domain/staff/schemas';
import { publicProcedure, router } from '../trpc';

/**
 * The link of a staff invitation (invitations.*): whoever holds it may read what it is for
 * and accept it once, as a new account or by the invited account's password.
 */
export const invitationsRouter = router({
  preview: publicProcedure
    .input(z.object({ token: InvitationToken }))
    .output(InvitationPreview)
    .query(({ ctx, input }) => invitationPreview(ctx.db, input.token)),

  acceptAsNewUser: publicProcedure
    .input(AcceptAsNewUserInput)
    .output(AcceptedInvitation)
    .mutation(({ ctx, input }) => acceptAsNewUser(ctx.db, input, ctx.requestId)),

  acceptAsExistingUser: publicProcedure
    .input(AcceptAsExistingUserInput)
    .output(AcceptedInvitation)
    .mutation(({ ctx, input }) => acceptAsExistingUser(ctx.db, input, ctx.requestId)),
});
