import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@tessera/api';
import superjson from 'superjson';

export type { AppRouter, RouterInputs, RouterOutputs } from '@tessera/api';

export interface TesseraClientOptions {
  /** Where Tessera runs, e.g. https://book.example.com (the site or the console). */
  baseUrl: string;
  /** An org's API key (`Authorization: Bearer`), for the procedures its scopes allow. */
  apiKey?: string;
  /** Another fetch (a test double, a proxy-aware one); the global fetch by default. */
  fetch?: typeof globalThis.fetch;
}

export type TesseraClient = TRPCClient<AppRouter>;

/** The typed Tessera API: `client.catalog.offerings.query({ kind: 'trip' })`. */
export function createTesseraClient({
  baseUrl,
  apiKey,
  fetch,
}: TesseraClientOptions): TesseraClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: new URL('/api/trpc', baseUrl).toString(),
        transformer: superjson,
        fetch,
        headers: () => (apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      }),
    ],
  });
}
export { readApiError, type ApiProblem } from './errors';
export {
  isTesseraError,
  TESSERA_ERROR_CODES,
  type TesseraError,
  type TesseraErrorCode,
} from './error-codes';
export { subscribeToOccurrence, type SubscribeOptions } from './realtime';
export { pushedSeatStatus } from '@tessera/api/realtime';
export type { AvailabilityEvent, BookingStatusEvent, PushedSeats } from '@tessera/api/realtime';
