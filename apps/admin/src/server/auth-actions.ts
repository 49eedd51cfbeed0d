'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { formText } from '@tessera/ui';
import { safeRedirectPath } from '@tessera/api/next';
import { signIn, signOut } from './auth';

export type SignInProblem = 'invalid_credentials' | 'not_staff' | 'unavailable';

export interface SignInState {
  problem: SignInProblem | null;
  email: string;
}

/**
 * Staff sign-in. The API refuses a user without a staff membership with the `not_staff`
 * code, which the form explains; a success redirects (thrown by Next).
 */
export async function signInStaff(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = formText(form, 'email');
  try {
    await signIn('credentials', {
      email,
      password: formText(form, 'password'),
      redirectTo: safeRedirectPath(form.get('callbackUrl')),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { email, problem: error.code === 'not_staff' ? 'not_staff' : 'invalid_credentials' };
    }
    if (error instanceof AuthError) return { email, problem: 'unavailable' };
    throw error; // Next's redirect after a successful sign-in
  }
  return { email, problem: null };
}

export async function signOutToSignIn(): Promise<void> {
  await signOut({ redirectTo: '/signin' });
}
