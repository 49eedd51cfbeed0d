import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../../errors';

export interface RateLimit {
  /** Throws RATE_LIMITED when `clientKey` is over its budget. */
  consume(clientKey: string): Promise<void>;
}

// A Redis that does not answer in time counts as down.
const REDIS_DEADLINE_MS = 250;

/**
 * A per-client budget of calls per minute, kept in Redis so every app server shares it.
 * Fails open: when Redis is down, nobody is refused (a booking never fails for a limiter).
 */
export function redisRateLimit(redis: Redis, name: string, perMinute: number): RateLimit {
  if (perMinute <= 0) return { consume: () => Promise.resolve() };
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `tessera:rl:${name}`,
    points: perMinute,
    duration: 60,
  });
  return {
    async consume(clientKey) {
      try {
        await Promise.race([
          limiter.consume(clientKey),
          new Promise((resolve) => setTimeout(resolve, REDIS_DEADLINE_MS).unref()),
        ]);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) return;
        const retryAfterSeconds = Math.ceil(error.msBeforeNext / 1000);
        throw new AppError(
          'RATE_LIMITED',
          `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
          { retryAfterSeconds },
        );
      }
    },
  };
}

const limiters = new WeakMap<Redis, Map<string, RateLimit>>();

/** One limiter per Redis client and budget, shared by every request of the process. */
export function sharedRateLimit(redis: Redis, name: string, perMinute: number): RateLimit {
  let byBudget = limiters.get(redis);
  if (!byBudget) limiters.set(redis, (byBudget = new Map<string, RateLimit>()));
  const id = `${name}:${perMinute}`;
  let limit = byBudget.get(id);
  if (!limit) byBudget.set(id, (limit = redisRateLimit(redis, name, perMinute)));
  return limit;
}
