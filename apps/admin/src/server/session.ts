import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from './auth';

/**
 * The signed-in staff session, or a redirect to sign-in. Layouts and pages render in
 * parallel, so each console page calls this before touching the API, not only the layout.
 */
export const requireSession = cache(async () => {
  const session = await auth();
  if (!session?.user) redirect('/signin');
  return { ...session, user: session.user };
});
