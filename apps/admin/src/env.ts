import { createEnv } from '@t3-oss/env-nextjs';
import { env as apiEnv } from '@tessera/api/env';
import { z } from 'zod';

const { NODE_ENV, NEXT_PHASE, NEXT_PUBLIC_WEB_URL } = process.env;

/**
 * The staff console's configuration, validated once. Server settings (database, Redis,
 * auth secret) are the API's and validated there. Read only on the server: pages pass
 * values down to client components as props.
 */
export const env = createEnv({
  extends: [apiEnv],
  client: {
    /** The customer booking site, where a customer who tries the console is sent. */
    NEXT_PUBLIC_WEB_URL:
      NODE_ENV === 'production' ? z.url() : z.url().default('http://localhost:3000'),
  },
  experimental__runtimeEnv: { NEXT_PUBLIC_WEB_URL },
  // `next build` only loads modules; the values are checked when the server starts.
  skipValidation: NEXT_PHASE === 'phase-production-build',
  emptyStringAsUndefined: true,
});
