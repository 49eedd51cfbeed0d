import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import type { ApiKeyView, CreateApiKeyInput } from './schemas';

const keyColumns = [
  'id',
  'name',
  'prefix',
  'scopes',
  'lastUsedAt',
  'revokedAt',
  'createdAt',
] as const;

// "tk_live_" + 8 characters: enough to tell keys apart in a list, too few to guess the rest.
const PREFIX_LENGTH = 16;

/** Keys are stored as SHA-256 only; the caller's key is hashed the same way to find it. */
export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** A new key of the staff member's org; the key itself is in this answer only, once. */
export async function createApiKey(
  db: Db,
  input: CreateApiKeyInput,
  staff: StaffMember,
  requestId: string,
): Promise<{ apiKey: ApiKeyView; key: string }> {
  const key = `tk_live_${randomBytes(24).toString('base64url')}`;
  return db.transaction().execute(async (tx) => {
    const apiKey = await tx
      .insertInto('apiKeys')
      .values({
        orgId: staff.orgId,
        name: input.name,
        prefix: key.slice(0, PREFIX_LENGTH),
        keyHash: hashApiKey(key),
        scopes: input.scopes,
        createdBy: staff.actor.userId,
      })
      .returning(keyColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: apiKey.id,
      changes: { name: apiKey.name, scopes: apiKey.scopes },
      requestId,
    });
    return { apiKey, key };
  });
}

export function listApiKeys(db: Db, orgId: string): Promise<ApiKeyView[]> {
  return db
    .selectFrom('apiKeys')
    .select(keyColumns)
    .where('orgId', '=', orgId)
    .orderBy('createdAt', 'desc')
    .execute();
}

/** A revoked key is refused from its next call on; revoking twice keeps the first time. */
export async function revokeApiKey(
  db: Db,
  apiKeyId: string,
  staff: StaffMember,
  requestId: string,
): Promise<ApiKeyView> {
  return db.transaction().execute(async (tx) => {
    const apiKey = await tx
      .updateTable('apiKeys')
      .set({ revokedAt: sql<Date>`coalesce(revoked_at, now())` })
      .where('id', '=', apiKeyId)
      .where('orgId', '=', staff.orgId)
      .returning(keyColumns)
      .executeTakeFirst();
    if (!apiKey) throw new AppError('NOT_FOUND', 'This API key was not found.');
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'api_key.revoked',
      entityType: 'api_key',
      entityId: apiKey.id,
      changes: { revokedAt: apiKey.revokedAt },
      requestId,
    });
    return apiKey;
  });
}
