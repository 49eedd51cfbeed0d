/**
 * When a failed webhook delivery is tried again: exponential (base, 2x, 4x, ...) capped at
 * `maxDelayMs`, for `windowMs` after the first attempt. The last retry lands on the end of
 * the window; after it the delivery is dead.
 */
export interface WebhookRetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** 30 s, 1, 2, 4 ... 128 min, then every 4 h, until 24 h after the first attempt: 15 attempts. */
export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 4 * HOUR_MS,
  windowMs: 24 * HOUR_MS,
};

/** Milliseconds until attempt `attemptsMade + 1`, or null when the window is spent. */
export function nextRetryDelay(
  attemptsMade: number,
  firstAttemptAt: Date,
  now: Date,
  policy: WebhookRetryPolicy,
): number | null {
  const remaining = firstAttemptAt.getTime() + policy.windowMs - now.getTime();
  if (remaining <= 0) return null;
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1);
  return Math.min(exponential, policy.maxDelayMs, remaining);
}
