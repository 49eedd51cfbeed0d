import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext, type Context } from '../context';
import { serverResources } from '../resources';
import { appRouter } from '../router';
import type { SessionLike } from '../server-caller';
import { retryAfterHeader } from './retry-after';

/** One tRPC request over fetch, answered as every app answers it (tests call this too). */
export function handleTrpcRequest(
  req: Request,
  { endpoint, context }: { endpoint: string; context: () => Promise<Context> },
): Promise<Response> {
  return fetchRequestHandler({
    endpoint,
    req,
    router: appRouter,
    createContext: context,
    responseMeta: ({ errors }) => ({ headers: retryAfterHeader(errors) }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
    },
  });
}

/** The `/api/trpc` route of an app: the shared router with the app's own session. */
export function createTrpcHandler({
  auth,
  endpoint = '/api/trpc',
}: {
  auth: () => Promise<SessionLike | null>;
  endpoint?: string;
}) {
  return (req: Request) =>
    handleTrpcRequest(req, {
      endpoint,
      context: async () => {
        const { db, redis } = serverResources();
        const session = await auth();
        return createContext({
          db,
          redis,
          headers: req.headers,
          userId: session?.user?.id ?? null,
        });
      },
    });
}
