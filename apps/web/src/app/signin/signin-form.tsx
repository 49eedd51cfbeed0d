'use client';

import { Alert, Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { signInWithPassword, type SignInState } from '~/server/auth-actions';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {
    error: null,
    email: '',
  });

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error ? (
        <Alert tone="error" title="Sign-in failed">
          {state.error}
        </Alert>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
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
