import { createTrpcHandler } from '@tessera/api/next';
import { auth } from '~/server/auth';

const handler = createTrpcHandler({ auth, endpoint: '/api/trpc' });

export { handler as GET, handler as POST };
