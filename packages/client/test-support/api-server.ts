import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { appRouter, createContext } from '@tessera/api';
import type { ApiKeyScope } from '@tessera/api/domain/api-keys/schemas';
import type { Db } from '@tessera/db';
import { createTestDatabase, testEnv } from '@tessera/db/testing';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { Redis } from 'ioredis';

const headersOf = (raw: IncomingHttpHeaders) =>
  new Headers(
    Object.entries(raw).flatMap(([k, v]): [string, string][] =>
      typeof v === 'string' ? [[k, v]] : [],
    ),
  );

/**
 * Tessera's tRPC API over real HTTP (a free port on 127.0.0.1), on a database of its own and
 * the test Redis: what the client talks to in these tests.
 */
export async function startApiServer({ poolSize }: { poolSize?: number } = {}) {
  const database = await createTestDatabase({ poolSize });
  const redis = new Redis(testEnv.TEST_REDIS_URL);
  const server = createServer(
    createHTTPHandler({
      router: appRouter,
      basePath: '/api/trpc/',
      createContext: ({ req }) =>
        createContext({ db: database.db, redis, headers: headersOf(req.headers), userId: null }),
    }),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('server has no address');
  return {
    db: database.db,
    redis,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async close() {
      server.close();
      redis.disconnect();
      await database.drop();
    },
  };
}

export type ApiServer = Awaited<ReturnType<typeof startApiServer>>;

/** A new API key of the org, as its owner creates it in the console; the key in clear. */
export async function issueApiKey(
  api: { db: Db; redis: Redis },
  { orgId, ownerId, scopes }: { orgId: string; ownerId: string; scopes: ApiKeyScope[] },
): Promise<string> {
  const owner = await createContext({
    db: api.db,
    redis: api.redis,
    headers: new Headers({ 'x-tessera-org': orgId }),
    userId: ownerId,
  });
  const { key } = await appRouter
    .createCaller(owner)
    .staff.apiKeys.create({ name: 'Integration', scopes });
  return key;
}
