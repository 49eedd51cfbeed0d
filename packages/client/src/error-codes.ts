import type { AppRouter } from '@tessera/api';
import { APP_ERROR_CODES, type AppErrorCode } from '@tessera/api/errors';
import { TRPCClientError } from '@trpc/client';

/** Every domain error code a Tessera call can fail with (`data.appCode`). */
export type TesseraErrorCode = AppErrorCode;
export const TESSERA_ERROR_CODES = Object.keys(APP_ERROR_CODES) as TesseraErrorCode[];

export type TesseraError<C extends TesseraErrorCode = TesseraErrorCode> =
  TRPCClientError<AppRouter> & { data: { appCode: C } };

/**
 * Whether a failed call failed with this domain error (`SEAT_TAKEN`, `HOLD_EXPIRED`…), or
 * with any domain error when no code is given. Branch on this, never on message text.
 */
export function isTesseraError<C extends TesseraErrorCode>(
  error: unknown,
  code?: C,
): error is TesseraError<C> {
  if (!(error instanceof TRPCClientError)) return false;
  const appCode: unknown = (error as TRPCClientError<AppRouter>).data?.appCode;
  return code === undefined ? typeof appCode === 'string' : appCode === code;
}
