import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@tessera/api';

/**
 * The `details` an API error carries (e.g. `seatIds` of a SEAT_TAKEN refusal).
 * `readApiError` from @tessera/client keeps only message, field errors and code.
 */
export function apiErrorDetails(error: unknown): Record<string, unknown> {
  if (!(error instanceof TRPCClientError)) return {};
  const { data } = error as TRPCClientError<AppRouter>;
  const details: unknown = data?.details;
  return details && typeof details === 'object' ? (details as Record<string, unknown>) : {};
}

/** String ids listed under `key` in an error's details. */
export function detailIds(error: unknown, key: string): string[] {
  const value = apiErrorDetails(error)[key];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}
