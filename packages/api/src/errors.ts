import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { ZodError } from 'zod';

/**
 * Domain errors: thrown by `domain/` code, turned into tRPC errors and readable messages
 * in one place (the error formatter in trpc.ts). Clients branch on `data.appCode`, never
 * on message text.
 */
export const APP_ERROR_CODES = {
  VALIDATION: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  EMAIL_TAKEN: 'CONFLICT',
  SEAT_TAKEN: 'CONFLICT',
  SOLD_OUT: 'CONFLICT',
  SLOT_TAKEN: 'CONFLICT',
  HOLD_EXPIRED: 'CONFLICT',
  LIMIT_EXCEEDED: 'BAD_REQUEST',
  SALES_CLOSED: 'BAD_REQUEST',
  ACCESSIBLE_SEAT: 'BAD_REQUEST',
  PROMO_INVALID: 'BAD_REQUEST',
  IDEMPOTENCY_MISMATCH: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You do not have permission to do this.') =>
  new AppError('FORBIDDEN', message);

/**
 * Messages per field, keyed by the field's dotted path ("contact.email", "attendees.0.name"),
 * so a form can put each one under its own input. Issues about the whole input are in the
 * message only. The error formatter sends these as `data.fieldErrors`; server actions that
 * call the API in-process read them from the error's cause the same way.
 */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    if (!issue.path.length) continue;
    const key = issue.path.map(String).join('.');
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
