import { createEnv } from '@t3-oss/env-nextjs';
import { env as apiEnv } from '@tessera/api/env';
import { z } from 'zod';

const { NODE_ENV, NEXT_PHASE, NEXT_PUBLIC_REALTIME_URL } = process.env;

/**
 * The console's configuration, validated once. Server settings are the API's (validated
 * there); this adds what the console's pages use. Read only on the server: pages pass values
 * down to client components as props.
 */
export const env = createEnv({
  extends: [apiEnv],
  client: {
    /** The realtime gateway (the worker's `realtime` role) for the live feed; without it the feed only loads. */
    NEXT_PUBLIC_REALTIME_URL:
      NODE_ENV === 'production' ? z.url().optional() : z.url().default('http://localhost:3030'),
  },
  experimental__runtimeEnv: { NEXT_PUBLIC_REALTIME_URL },
  // `next build` only loads modules; the values are checked when the server starts.
  skipValidation: NEXT_PHASE === 'phase-production-build',
  emptyStringAsUndefined: true,
});
