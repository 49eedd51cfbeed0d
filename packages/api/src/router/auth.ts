import { z } from 'zod';
import { signUp, userView } from '../domain/accounts/accounts';
import { requestPasswordReset, resetPassword } from '../domain/accounts/password-reset';
import {
  RequestPasswordResetInput,
  ResetPasswordInput,
  SignUpInput,
  UserView,
} from '../domain/accounts/schemas';
import { sharedRateLimit } from '../domain/holds/rate-limit';
import { env } from '../env';
import { publicProcedure, router } from '../trpc';

/** Reset emails per minute, per address and per client: enough for a typo, too few to spam. */
const PASSWORD_RESETS_PER_MINUTE = 3;

export const authRouter = router({
  signUp: publicProcedure
    .input(SignUpInput)
    .output(UserView)
    .mutation(({ ctx, input }) => signUp(ctx.db, input)),

  me: publicProcedure
    .output(UserView.nullable())
    .query(({ ctx }) => (ctx.actor.kind === 'user' ? userView(ctx.db, ctx.actor.userId) : null)),

  /** Always the same answer, whether or not the address has an account. */
  requestPasswordReset: publicProcedure
    .input(RequestPasswordResetInput)
    .output(z.object({ requested: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const limit = sharedRateLimit(ctx.redis, 'auth.passwordReset', PASSWORD_RESETS_PER_MINUTE);
      await limit.consume(`email:${input.email}`);
      await limit.consume(ctx.clientKey);
      await requestPasswordReset(ctx.db, input, env.PUBLIC_SITE_URL);
      return { requested: true as const };
    }),

  resetPassword: publicProcedure
    .input(ResetPasswordInput)
    .output(z.object({ reset: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.db, input);
      return { reset: true as const };
    }),
});
