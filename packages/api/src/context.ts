import { randomUUID } from 'node:crypto';
import type { Db } from '@tessera/db';
import { TRPCError } from '@trpc/server';
import type { Redis } from 'ioredis';
import { hashApiKey } from './domain/api-keys/keys';
import { touchApiKey } from './domain/api-keys/usage';
import { redisInventoryEvents, type InventoryEvents } from './domain/events/inventory';
import { configuredPayments } from './domain/payments/configured';
import type { PaymentProvider } from './domain/payments/provider';
import { env } from './env';

/** Who is calling. Staff membership is resolved per request by `staffProcedure`. */
export type Actor =
  | { kind: 'guest' }
  | { kind: 'user'; userId: string }
  | { kind: 'apiKey'; apiKeyId: string; orgId: string; scopes: readonly string[]; label: string };

export interface Context {
  db: Db;
  redis: Redis;
  actor: Actor;
  /** Org the caller asked to act in (`x-tessera-org`); only a selector, checked against memberships. */
  requestedOrgId: string | null;
  requestId: string;
  /** Who limits and caps count against: the user, the API key, or the network address. */
  clientKey: string;
  events: InventoryEvents;
  engine: EngineSettings;
  payments: PaymentProvider;
}

export interface EngineSettings {
  maxLiveHoldsPerClient: number;
  holdsPerMinute: number;
  /** Calls one API key may make per minute, whatever the procedure (0 = no limit). */
  apiKeyCallsPerMinute: number;
}

const defaultEngineSettings = (): EngineSettings => ({
  maxLiveHoldsPerClient: env.HOLDS_MAX_LIVE_PER_CLIENT,
  holdsPerMinute: env.HOLDS_RATE_LIMIT_PER_MINUTE,
  apiKeyCallsPerMinute: env.API_KEY_RATE_LIMIT_PER_MINUTE,
});

export interface CreateContextOptions {
  db: Db;
  redis: Redis;
  headers: Headers;
  /** The signed-in user's id from the next-auth session, if any. */
  userId: string | null;
  /** Overrides of the environment's engine settings (tests, load tests). */
  engine?: Partial<EngineSettings>;
  /** Another payment provider than the environment's (tests). */
  payments?: PaymentProvider;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function createContext({
  db,
  redis,
  headers,
  userId,
  engine,
  payments,
}: CreateContextOptions): Promise<Context> {
  const requestedOrg = headers.get('x-tessera-org');
  const actor: Actor =
    (await apiKeyActor(db, headers.get('authorization'))) ??
    (userId ? { kind: 'user', userId } : { kind: 'guest' });
  return {
    db,
    redis,
    actor,
    requestedOrgId: requestedOrg && UUID.test(requestedOrg) ? requestedOrg : null,
    requestId: headers.get('x-request-id') ?? randomUUID(),
    clientKey: clientKeyOf(actor, headers),
    events: redisInventoryEvents(redis),
    engine: { ...defaultEngineSettings(), ...engine },
    payments: payments ?? configuredPayments().provider,
  };
}

function clientKeyOf(actor: Actor, headers: Headers): string {
  if (actor.kind === 'user') return `user:${actor.userId}`;
  if (actor.kind === 'apiKey') return `key:${actor.apiKeyId}`;
  // Behind the load balancer the first x-forwarded-for entry is the client.
  const address = headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip');
  return `ip:${address ?? 'unknown'}`;
}

/** `Authorization: Bearer <key>`: keys are stored as SHA-256 hashes, never in clear. */
async function apiKeyActor(db: Db, authorization: string | null): Promise<Actor | null> {
  const key = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!key) return null;
  const row = await db
    .selectFrom('apiKeys')
    .select(['id', 'orgId', 'scopes', 'name', 'prefix'])
    .where('keyHash', '=', hashApiKey(key))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  // An unknown or revoked key is refused outright rather than treated as a guest.
  if (!row)
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'This API key is not valid or has been revoked.',
    });
  await touchApiKey(db, row.id);
  return {
    kind: 'apiKey',
    apiKeyId: row.id,
    orgId: row.orgId,
    scopes: row.scopes,
    label: `API key ${row.name} (${row.prefix}…)`,
  };
}
