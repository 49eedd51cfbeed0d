import type { Db } from '@tessera/db';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';

export interface HealthReport {
  ok: boolean;
  postgres: boolean;
  redis: boolean;
}

async function succeeds(check: () => Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([check().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(db: Db, redis: Redis, timeoutMs = 2000): Promise<HealthReport> {
  const [postgres, redisOk] = await Promise.all([
    succeeds(() => sql`SELECT 1`.execute(db), timeoutMs),
    succeeds(() => redis.ping(), timeoutMs),
  ]);
  return { ok: postgres && redisOk, postgres, redis: redisOk };
}
