import { createRestHandler } from '@tessera/api/next';
import { auth } from '~/server/auth';

const handler = createRestHandler({ auth });

export { handler as GET, handler as POST, handler as DELETE };
