import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_RETRY, nextRetryDelay } from './retry-schedule';

const first = new Date('2026-11-21T00:00:00Z');

describe('nextRetryDelay', () => {
  it('doubles from the base, caps at four hours and ends exactly 24 hours after the first attempt', () => {
    let now = first;
    const delays: number[] = [];
    for (let attempts = 1; ; attempts += 1) {
      const delay = nextRetryDelay(attempts, first, now, DEFAULT_WEBHOOK_RETRY);
      if (delay === null) break;
      delays.push(delay);
      now = new Date(now.getTime() + delay);
    }
    const minutes = delays.map((delay) => delay / 60_000);
    expect(minutes.slice(0, 10)).toEqual([0.5, 1, 2, 4, 8, 16, 32, 64, 128, 240]);
    expect(Math.max(...minutes)).toBe(240);
    expect(now.getTime() - first.getTime()).toBe(24 * 3_600_000);
    // The first attempt plus every retry.
    expect(delays.length + 1).toBe(15);
  });

  it('gives up once the window is spent, whatever the attempt count', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1_000, windowMs: 500 };
    expect(nextRetryDelay(1, first, new Date(first.getTime() + 450), policy)).toBe(50);
    expect(nextRetryDelay(1, first, new Date(first.getTime() + 500), policy)).toBeNull();
  });
});
