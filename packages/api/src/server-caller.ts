import { createContext } from './context';
import { serverResources } from './resources';
import { appRouter } from './router';
import { createCallerFactory } from './trpc';

const createCaller = createCallerFactory(appRouter);

export interface SessionLike {
  user?: { id?: string | null } | null;
}

/** The router called in-process, for React Server Components and server actions. */
export async function createServerCaller({
  headers,
  session,
}: {
  headers: Headers;
  session: SessionLike | null;
}) {
  const { db, redis } = serverResources();
  return createCaller(
    await createContext({ db, redis, headers, userId: session?.user?.id ?? null }),
  );
}
