import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth } from '../domain/health/check';
import { setupApiTest, type ApiTest } from '../testing/api-test';

let t: ApiTest;
beforeAll(async () => {
  t = await setupApiTest();
});
afterAll(() => t.close());

describe('health.check', () => {
  it('reports Postgres and Redis reachable', async () => {
    expect(await (await t.caller()).health.check()).toEqual({
      ok: true,
      postgres: true,
      redis: true,
    });
  });

  it('reports Redis down when nothing answers', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const deadRedis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    deadRedis.on('error', () => undefined); // the refusal is the point of this test
    try {
      expect(await checkHealth(t.db, deadRedis, 1000)).toEqual({
        ok: false,
        postgres: true,
        redis: false,
      });
    } finally {
      deadRedis.disconnect();
    }
  });
});
