import { signUp, userView } from '../domain/accounts/accounts';
import { SignUpInput, UserView } from '../domain/accounts/schemas';
import { publicProcedure, router } from '../trpc';

export const authRouter = router({
  signUp: publicProcedure
    .input(SignUpInput)
    .output(UserView)
    .mutation(({ ctx, input }) => signUp(ctx.db, input)),

  me: publicProcedure
    .output(UserView.nullable())
    .query(({ ctx }) => (ctx.actor.kind === 'user' ? userView(ctx.db, ctx.actor.userId) : null)),
});
