import { createTestDatabase, testEnv, type TestDatabase } from '@tessera/db/testing';
import { Redis } from 'ioredis';
import { createContext, type EngineSettings } from '../context';
import type { PaymentProvider } from '../domain/payments/provider';
import { handleTrpcRequest } from '../next/trpc-handler';
import { appRouter } from '../router';
import { createCallerFactory } from '../trpc';

const createCaller = createCallerFactory(appRouter);

export interface HttpBody {
  result?: { data: { json: unknown } };
  error?: {
    json: {
      message: string;
      code: number;
      data: {
        code: string;
        httpStatus: number;
        appCode: string | null;
        fieldErrors: Record<string, string[]> | null;
      };
    };
  };
}

export interface CallAs {
  userId?: string;
  orgId?: string;
  headers?: Record<string, string>;
  engine?: Partial<EngineSettings>;
  payments?: PaymentProvider;
}

/**
 * A real database (own copy per test file) and a real Redis, and callers that go through
 * the same context creation as HTTP requests.
 */
export async function setupApiTest({ poolSize }: { poolSize?: number } = {}) {
  const database: TestDatabase = await createTestDatabase({ poolSize });
  const redis = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: 1 });

  async function caller(as: CallAs = {}) {
    const headers = new Headers(as.headers);
    if (as.orgId) headers.set('x-tessera-org', as.orgId);
    return createCaller(
      await createContext({
        db: database.db,
        redis,
        headers,
        userId: as.userId ?? null,
        engine: as.engine,
        payments: as.payments,
      }),
    );
  }

  /**
   * A request through tRPC's fetch adapter, as a browser or the typed client sends it:
   * errors come back formatted, exactly as callers see them.
   */
  async function http(path: string, input: unknown, as: CallAs & { method?: 'GET' | 'POST' } = {}) {
    const method = as.method ?? 'POST';
    const body = JSON.stringify({ json: input });
    const url = new URL(`http://tessera.test/api/trpc/${path}`);
    if (method === 'GET') url.searchParams.set('input', body);
    const headers = new Headers({ 'content-type': 'application/json', ...as.headers });
    if (as.orgId) headers.set('x-tessera-org', as.orgId);
    const response = await handleTrpcRequest(
      new Request(url, { method, headers, body: method === 'POST' ? body : undefined }),
      {
        endpoint: '/api/trpc',
        context: () =>
          createContext({
            db: database.db,
            redis,
            headers,
            userId: as.userId ?? null,
            engine: as.engine,
          }),
      },
    );
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as HttpBody,
    };
  }

  return {
    db: database.db,
    redis,
    caller,
    http,
    async close() {
      redis.disconnect();
      await database.drop();
    },
  };
}

export type ApiTest = Awaited<ReturnType<typeof setupApiTest>>;
