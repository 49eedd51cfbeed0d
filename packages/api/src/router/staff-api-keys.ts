import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey } from '../domain/api-keys/keys';
import { ApiKeyId, ApiKeyView, CreateApiKeyInput } from '../domain/api-keys/schemas';
import { router, staffProcedure } from '../trpc';

/** An org's API keys (staff.apiKeys.*): owners only, since a key acts for the whole org. */
export const staffApiKeysRouter = router({
  list: staffProcedure('settings:write')
    .output(z.array(ApiKeyView))
    .query(({ ctx }) => listApiKeys(ctx.db, ctx.staff.orgId)),

  /** The key itself is in this answer only: store it now. */
  create: staffProcedure('settings:write')
    .input(CreateApiKeyInput)
    .output(z.object({ apiKey: ApiKeyView, key: z.string() }))
    .mutation(({ ctx, input }) => createApiKey(ctx.db, input, ctx.staff, ctx.requestId)),

  revoke: staffProcedure('settings:write')
    .input(ApiKeyId)
    .output(ApiKeyView)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, input.apiKeyId, ctx.staff, ctx.requestId)),
});
