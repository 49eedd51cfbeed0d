'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { formText } from '@tessera/ui';
import { safeRedirectPath } from '@tessera/api/next';
import { signIn, signOut } from './auth';

export interface SignInState {
  error: string | null;
  email: string;
}

/**
 * Signs in with email and password and goes back where the person was. On failure the
 * form gets a sentence that says what to do next; a success redirects (thrown by Next).
 */
export async function signInWithPassword(
  _previous: SignInState,
  form: FormData,
): Promise<SignInState> {
  const email = formText(form, 'email');
  try {
    await signIn('credentials', {
      email,
      password: formText(form, 'password'),
      redirectTo: safeRedirectPath(form.get('callbackUrl')),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return {
        email,
        error: 'That email and password do not match an account. Check both and try again.',
      };
    }
    if (error instanceof AuthError) {
      return { email, error: 'We could not sign you in just now. Please try again in a moment.' };
    }
    throw error; // Next's redirect after a successful sign-in
  }
  return { email, error: null };
}

/** Right after `auth.signUp` succeeded: opens the new account's session. */
export async function signInAfterSignUp(email: string, password: string): Promise<void> {
  await signIn('credentials', { email, password, redirectTo: '/' });
}

export async function signOutAndGoHome(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
