'use client';

import { Alert, Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { signInStaff, type SignInState } from '~/server/auth-actions';

export function SignInForm({
  callbackUrl,
  bookingSiteUrl,
}: {
  callbackUrl: string;
  bookingSiteUrl: string;
}) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInStaff, {
    problem: null,
    email: '',
  });

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.problem === 'not_staff' ? (
        <Alert tone="warning" title="This account is not a staff account">
          <p>
            This console is for operator staff. Customers can manage bookings at the{' '}
            <a href={bookingSiteUrl} className="font-medium underline">
              booking site
            </a>
            .
          </p>
        </Alert>
      ) : null}
      {state.problem === 'invalid_credentials' ? (
        <Alert tone="error" title="Sign-in failed">
          That email and password do not match a staff account. Check both and try again.
        </Alert>
      ) : null}
      {state.problem === 'unavailable' ? (
        <Alert tone="error" title="Sign-in failed">
          We could not sign you in just now. Please try again in a moment.
        </Alert>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Button type="submit" pending={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
