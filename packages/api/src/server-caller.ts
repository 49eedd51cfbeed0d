import { createContext } from './context';
import { serverResources } from './resources';
import { appRouter } from './router';
import { createCallerFactory } from './trpc';

export const createCaller = createCallerFactory(appRouter);
/** The router called in-process, procedure by procedure. */
export type ServerApi = ReturnType<typeof createCaller>;

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
