import { createContext } from '../context';
import { handleRestRequest } from '../openapi/rest';
import { serverResources } from '../resources';
import type { SessionLike } from '../server-caller';

/** The `/api/v1/[...path]` route of the site: the REST face of the public procedures. */
export function createRestHandler({ auth }: { auth: () => Promise<SessionLike | null> }) {
  return (req: Request) =>
    handleRestRequest(req, {
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
