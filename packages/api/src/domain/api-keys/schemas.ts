import { z } from 'zod';

export const ApiKeyScope = z.enum(['catalog:read', 'bookings:write', 'admin:read', 'admin:write']);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1, 'Give the key a name').max(100),
  scopes: z
    .array(ApiKeyScope)
    .min(1, 'Choose at least one scope')
    .transform((scopes) => [...new Set(scopes)]),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

export const ApiKeyId = z.object({ apiKeyId: z.uuid() });

export const ApiKeyView = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The key's first characters, so staff can tell keys apart; never the whole key. */
  prefix: z.string(),
  scopes: z.array(z.string()),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;
