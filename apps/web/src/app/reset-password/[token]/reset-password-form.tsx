'use client';

import { useMutation } from '@tanstack/react-query';
import { readApiError } from '@tessera/client';
import { useTRPC } from '@tessera/client/react';
import { Alert, Button, Field, buttonClasses, formText } from '@tessera/ui';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '~/lib/field-errors';

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = formText(new FormData(event.currentTarget), 'password');
    setProblem(null);
    try {
      await reset.mutateAsync({ token, password });
      setFieldErrors({});
    } catch (error) {
      const apiError = readApiError(error);
      const { token: tokenErrors, ...rest } = apiError.fieldErrors;
      setFieldErrors(rest);
      // A bad link is not something the person can fix in this form: say what to do instead.
      setProblem(
        tokenErrors?.join(' ') ?? (Object.keys(rest).length > 0 ? null : apiError.message),
      );
    }
  }

  if (reset.isSuccess) {
    return (
      <Alert tone="success" title="Your password has been changed">
        <p>Sign in with your new password.</p>
        <Link href="/signin" className={buttonClasses({ size: 'sm', className: 'mt-3' })}>
          Sign in
        </Link>
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {problem ? (
        <Alert tone="error" title="Your password was not changed">
          <p>{problem}</p>
          <Link href="/forgot-password" className="mt-2 inline-block font-medium underline">
            Ask for a new link
          </Link>
        </Alert>
      ) : null}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        errors={fieldErrors.password}
      />
      <Button type="submit" pending={reset.isPending}>
        Save the new password
      </Button>
    </form>
  );
}
