import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../log';

/**
 * Every gateway instance hears every change; one of them, for one window at a time, turns
 * the changes of one key (an occurrence) into work. `offer` is atomic in Redis:
 *   - a message already offered by another instance is dropped (`seen`, by message id);
 *   - otherwise, with no leader for the key, this instance leads (`lock`, its own token);
 *   - otherwise the change is marked pending (`dirty`) for the leader.
 * Hash tags keep a key's three entries in one slot (Redis Cluster).
 */
const OFFER = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
if redis.call('SET', KEYS[2], ARGV[3], 'NX', 'PX', ARGV[2]) then return 1 end
redis.call('SET', KEYS[3], '1', 'PX', ARGV[2])
return 2
`;

/**
 * At the end of its window the leader goes round again if anything was marked pending
 * meanwhile, or gives up the lead. Atomic with OFFER: a change is either seen here or
 * finds no leader and leads itself, so none is left behind (the trailing edge).
 */
const SETTLE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('DEL', KEYS[2]) == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
redis.call('DEL', KEYS[1])
return 0
`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export interface CoalescerOptions {
  redis: Redis;
  /** Namespace of the Redis keys (one per environment, and per test file). */
  keyPrefix: string;
  /** At most one run of `work` per key per window, cluster-wide. */
  windowMs: number;
  work: (key: string) => Promise<void>;
  log: Logger;
}

export interface Coalescer {
  /** A change to `key`, identified by `messageId` (the same message reaches every instance). */
  offer(key: string, messageId: string): Promise<void>;
  /** Stops leading: gives back the locks this instance holds. */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Leading and trailing edge: the first change of a quiet key runs `work` at once (latency),
 * a burst runs it again once per window after that, and the last change of a burst is always
 * covered by a run that started after it was offered (so after its commit).
 */
export function createCoalescer({
  redis,
  keyPrefix,
  windowMs,
  work,
  log,
}: CoalescerOptions): Coalescer {
  // A leader that dies leaves its lock; it expires after a few windows and the next change leads.
  const lockTtlMs = Math.max(2_000, windowMs * 10);
  // Every instance offers each message within moments of the others.
  const seenTtlMs = 60_000;
  const token = randomUUID();
  const leading = new Map<string, Promise<void>>();
  let closed = false;
  const keys = (key: string) => ({
    lock: `${keyPrefix}:{${key}}:lock`,
    dirty: `${keyPrefix}:{${key}}:dirty`,
    seen: (messageId: string) => `${keyPrefix}:{${key}}:seen:${messageId}`,
  });

  async function lead(key: string): Promise<void> {
    const { lock, dirty } = keys(key);
    for (;;) {
      const started = Date.now();
      await work(key).catch((error: unknown) =>
        log.warn(`realtime: ${key}: ${error instanceof Error ? error.message : String(error)}`),
      );
      await sleep(Math.max(0, windowMs - (Date.now() - started)));
      if (closed) return;
      const again = await redis.eval(SETTLE, 2, lock, dirty, token, lockTtlMs);
      if (again !== 1) return;
    }
  }

  return {
    async offer(key, messageId) {
      if (closed) return;
      const { lock, dirty, seen } = keys(key);
      const outcome = await redis.eval(
        OFFER,
        3,
        seen(messageId),
        lock,
        dirty,
        seenTtlMs,
        lockTtlMs,
        token,
      );
      if (outcome !== 1) return;
      const run = lead(key).finally(() => leading.delete(key));
      leading.set(key, run);
    },
    async close() {
      closed = true;
      const held = [...leading.keys()];
      await Promise.allSettled(leading.values());
      await Promise.allSettled(held.map((key) => redis.eval(RELEASE, 1, keys(key).lock, token)));
    },
  };
}
