import type { TRPCError } from '@trpc/server';
import { AppError } from '../errors';

/** `Retry-After` (seconds) for an answer refused by a rate limit, from the limiter's own figure. */
export function retryAfterHeader(errors: readonly TRPCError[]): Record<string, string> {
  for (const { cause } of errors) {
    if (!(cause instanceof AppError) || cause.code !== 'RATE_LIMITED') continue;
    const seconds = cause.details?.retryAfterSeconds;
    if (typeof seconds === 'number') return { 'retry-after': String(Math.max(1, seconds)) };
  }
  return {};
}
