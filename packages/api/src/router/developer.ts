import { z } from 'zod';
import { apiKeyProcedure, router } from '../trpc';

export const developerRouter = router({
  /** Which org an API key belongs to and what it may do: the first call of an integration. */
  whoami: apiKeyProcedure('catalog:read')
    .output(
      z.object({
        org: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
        scopes: z.array(z.string()),
      }),
    )
    .query(async ({ ctx }) => ({
      org: await ctx.db
        .selectFrom('orgs')
        .select(['id', 'slug', 'name'])
        .where('id', '=', ctx.apiKey.orgId)
        .executeTakeFirstOrThrow(),
      scopes: [...ctx.apiKey.scopes],
    })),
});
