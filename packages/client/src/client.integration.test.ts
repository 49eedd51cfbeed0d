import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { appRouter, createContext } from '@tessera/api';
import { createOffering, createOrg } from '@tessera/db/seed';
import { createTestDatabase, testEnv, type TestDatabase } from '@tessera/db/testing';
import { TRPCClientError } from '@trpc/client';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTesseraClient, type AppRouter } from './index';

let database: TestDatabase;
let redis: Redis;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  redis = new Redis(testEnv.TEST_REDIS_URL);
  const handler = createHTTPHandler({
    router: appRouter,
    basePath: '/api/trpc/',
    createContext: ({ req }) =>
      createContext({
        db: database.db,
        redis,
        headers: new Headers(
          Object.entries(req.headers).flatMap(([k, v]): [string, string][] =>
            typeof v === 'string' ? [[k, v]] : [],
          ),
        ),
        userId: null,
      }),
  });
  server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('server has no address');
  baseUrl = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  server.close();
  redis.disconnect();
  await database.drop();
});

describe('createTesseraClient', () => {
  it('talks to a real Tessera HTTP API with dates intact', async () => {
    const org = await createOrg(database.db, { name: 'Client Org' });
    await createOffering(database.db, { org, name: 'Client Show' });
    const client = createTesseraClient({ baseUrl });

    const [health, page] = await Promise.all([
      client.health.check.query(),
      client.catalog.offerings.query({ orgSlug: org.slug }),
    ]);
    expect(health.ok).toBe(true);
    expect(page.items.map((item) => item.name)).toEqual(['Client Show']);
  });

  it('surfaces a refused API key as a typed client error', async () => {
    const client = createTesseraClient({ baseUrl, apiKey: 'tk_revoked_or_unknown' });
    const error = await client.catalog.offerings.query({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data?.httpStatus).toBe(401);
  });
});
