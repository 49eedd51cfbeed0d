import { createAuth } from '@tessera/api/next';

export const { handlers, auth, signIn, signOut } = createAuth({ app: 'admin' });
