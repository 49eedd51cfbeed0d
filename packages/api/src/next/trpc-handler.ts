import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '../context';
import { serverResources } from '../resources';
import { appRouter } from '../router';
import type { SessionLike } from '../server-caller';

/** The `/api/trpc` route of an app: the shared router with the app's own session. */
export function createTrpcHandler({
  auth,
  endpoint = '/api/trpc',
}: {
  auth: () => Promise<SessionLike | null>;
  endpoint?: string;
}) {
  return (req: Request) =>
    fetchRequestHandler({
      endpoint,
      req,
      router: appRouter,
      createContext: async () => {
        const { db, redis } = serverResources();
        const session = await auth();
        return createContext({
          db,
          redis,
          headers: req.headers,
          userId: session?.user?.id ?? null,
        });
      },
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
      },
    });
}
