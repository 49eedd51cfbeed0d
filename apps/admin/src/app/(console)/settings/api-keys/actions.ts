'use server';

import { ApiKeyId, CreateApiKeyInput } from '@tessera/api/domain/api-keys/schemas';
import { formText } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { RowActionState } from '~/components/row-action';
import { serverApi } from '~/trpc/server';

export interface CreateApiKeyState {
  /** The key itself, shown this once. */
  key: string | null;
  name: string;
  error: string | null;
}

export async function createApiKey(
  _previous: CreateApiKeyState,
  form: FormData,
): Promise<CreateApiKeyState> {
  const name = formText(form, 'name');
  const input = CreateApiKeyInput.safeParse({ name, scopes: form.getAll('scopes') });
  if (!input.success)
    return { key: null, name, error: input.error.issues.map((issue) => issue.message).join(' ') };
  try {
    const { key } = await (await serverApi()).staff.apiKeys.create(input.data);
    revalidatePath('/settings/api-keys');
    return { key, name: '', error: null };
  } catch (error) {
    if (error instanceof TRPCError) return { key: null, name, error: error.message };
    throw error;
  }
}

export async function revokeApiKey(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const input = ApiKeyId.safeParse({ apiKeyId: formText(form, 'apiKeyId') });
  if (!input.success) return { outcome: 'refused', message: 'This key is not one of ours.' };
  try {
    await (await serverApi()).staff.apiKeys.revoke(input.data);
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
  revalidatePath('/settings/api-keys');
  return { outcome: 'done', message: 'Revoked: calls with it are refused from now on.' };
}
