import type { AppRouter } from '@tessera/api';
import { TRPCClientError } from '@trpc/client';

export interface ApiProblem {
  /** Readable sentence from the API (or a fallback when the network failed). */
  message: string;
  fieldErrors: Partial<Record<string, string[]>>;
  appCode: string | null;
}

/** What a failed call tells the person: the API's message, field by field where it can. */
export function readApiError(error: unknown): ApiProblem {
  if (error instanceof TRPCClientError) {
    const { data } = error as TRPCClientError<AppRouter>;
    return {
      message: error.message,
      fieldErrors: data?.fieldErrors ?? {},
      appCode: data?.appCode ?? null,
    };
  }
  return {
    message: 'We could not reach Tessera. Check your connection and try again.',
    fieldErrors: {},
    appCode: null,
  };
}
