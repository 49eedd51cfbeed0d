import { z } from 'zod';
import { checkHealth } from '../domain/health/check';
import { publicProcedure, router } from '../trpc';

export const healthRouter = router({
  check: publicProcedure
    .output(z.object({ ok: z.boolean(), postgres: z.boolean(), redis: z.boolean() }))
    .query(({ ctx }) => checkHealth(ctx.db, ctx.redis)),
});
