import 'server-only';
import { createServerCaller } from '@tessera/api';
import { headers } from 'next/headers';
import { cache } from 'react';
import { auth } from '~/server/auth';

/** The API called in-process from Server Components, as the signed-in user; one per request. */
export const serverApi = cache(async () =>
  createServerCaller({ headers: new Headers(await headers()), session: await auth() }),
);
