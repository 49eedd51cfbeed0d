import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '@tessera/db';
import { TRPCError } from '@trpc/server';
import type { Redis } from 'ioredis';

/** Who is calling. Staff membership is resolved per request by `staffProcedure`. */
export type Actor =
  | { kind: 'guest' }
  | { kind: 'user'; userId: string }
  | { kind: 'apiKey'; apiKeyId: string; orgId: string; scopes: readonly string[] };

export interface Context {
  db: Db;
  redis: Redis;
  actor: Actor;
  /** Org the caller asked to act in (`x-tessera-org`); only a selector, checked against memberships. */
  requestedOrgId: string | null;
  requestId: string;
}

export interface CreateContextOptions {
  db: Db;
  redis: Redis;
  headers: Headers;
  /** The signed-in user's id from the next-auth session, if any. */
  userId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function createContext({ db, redis, headers, userId }: CreateContextOptions): Promise<Context> {
  const requestedOrg = headers.get('x-tessera-org');
  return {
    db,
    redis,
    actor: (await apiKeyActor(db, headers.get('authorization'))) ?? (userId ? { kind: 'user', userId } : { kind: 'guest' }),
    requestedOrgId: requestedOrg && UUID.test(requestedOrg) ? requestedOrg : null,
    requestId: headers.get('x-request-id') ?? randomUUID(),
  };
}

/** `Authorization: Bearer <key>`: keys are stored as SHA-256 hashes, never in clear. */
async function apiKeyActor(db: Db, authorization: string | null): Promise<Actor | null> {
  const key = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!key) return null;
  const row = await db
    .selectFrom('apiKeys')
    .select(['id', 'orgId', 'scopes'])
    .where('keyHash', '=', createHash('sha256').update(key).digest('hex'))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  // An unknown or revoked key is refused outright rather than treated as a guest.
  if (!row) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'This API key is not valid or has been revoked.' });
  return { kind: 'apiKey', apiKeyId: row.id, orgId: row.orgId, scopes: row.scopes };
}
