import { createServerApi } from '@tessera/api/next';
import { auth } from '~/server/auth';

export const serverApi = createServerApi(auth);
