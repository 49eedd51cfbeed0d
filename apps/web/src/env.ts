import { createEnv } from '@t3-oss/env-nextjs';
import { env as apiEnv } from '@tessera/api/env';
import { z } from 'zod';

const { NODE_ENV, NEXT_PHASE, NEXT_PUBLIC_ADMIN_URL, NEXT_PUBLIC_REALTIME_URL } = process.env;

/**
 * The booking site's configuration, validated once. Server settings (database, Redis,
 * auth secret) are the API's and validated there; this adds what the site itself shows.
 * Read only on the server: pages pass values down to client components as props.
 */
export const env = createEnv({
  extends: [apiEnv],
  client: {
    /** Where operator staff sign in; the footer links there when it is set. */
    NEXT_PUBLIC_ADMIN_URL:
      NODE_ENV === 'production' ? z.url().optional() : z.url().default('http://localhost:3001'),
    /** The realtime gateway (the worker's `realtime` role); without it pages only fetch. */
    NEXT_PUBLIC_REALTIME_URL:
      NODE_ENV === 'production' ? z.url().optional() : z.url().default('http://localhost:3030'),
  },
  experimental__runtimeEnv: { NEXT_PUBLIC_ADMIN_URL, NEXT_PUBLIC_REALTIME_URL },
  // `next build` only loads modules; the values are checked when the server starts.
  skipValidation: NEXT_PHASE === 'phase-production-build',
  emptyStringAsUndefined: true,
});
