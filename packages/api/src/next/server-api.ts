import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { createServerCaller, type SessionLike } from '../server-caller';

/**
 * The API called in-process from Server Components, as the signed-in user of the app
 * whose `auth` is given; one caller per request.
 */
export function createServerApi(auth: () => Promise<SessionLike | null>) {
  return cache(async () =>
    createServerCaller({ headers: new Headers(await headers()), session: await auth() }),
  );
}
