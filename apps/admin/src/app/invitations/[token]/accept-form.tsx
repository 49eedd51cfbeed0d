'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { acceptInvitation } from './actions';

/** A new account (name + password) or the invited account's password, then signed in. */
export function AcceptForm({ token, hasAccount }: { token: string; hasAccount: boolean }) {
  const [state, action, pending] = useActionState(acceptInvitation, initialFormState);
  const errors = state.fieldErrors;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="account" value={hasAccount ? 'existing' : 'new'} />
      {hasAccount ? null : (
        <Field
          label="Your name"
          name="name"
          autoComplete="name"
          required
          defaultValue={state.values.name}
          errors={errors.name}
        />
      )}
      <Field
        label={hasAccount ? 'Your password' : 'Choose a password'}
        name="password"
        type="password"
        autoComplete={hasAccount ? 'current-password' : 'new-password'}
        required
        hint={hasAccount ? 'The password of your Tessera account.' : 'At least 8 characters.'}
        errors={errors.password}
      />
      <div>
        <Button type="submit" pending={pending}>
          {hasAccount ? 'Sign in and join' : 'Create account and join'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
