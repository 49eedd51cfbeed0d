'use client';

import { useMutation } from '@tanstack/react-query';
import { readApiError } from '@tessera/client';
import { useTRPC } from '@tessera/client/react';
import { Alert, Button, Field, formText } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '~/lib/field-errors';

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = formText(new FormData(event.currentTarget), 'email');
    setProblem(null);
    try {
      await request.mutateAsync({ email });
      setFieldErrors({});
      setSentTo(email.trim());
    } catch (error) {
      const apiError = readApiError(error);
      setFieldErrors(apiError.fieldErrors);
      setProblem(Object.keys(apiError.fieldErrors).length > 0 ? null : apiError.message);
    }
  }

  if (sentTo) {
    return (
      <Alert tone="success" title="Check your email">
        If an account uses {sentTo}, we have sent it a link to choose a new password. The link works
        once, for 60 minutes.
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {problem ? (
        <Alert tone="error" title="The link was not sent">
          {problem}
        </Alert>
      ) : null}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        errors={fieldErrors.email}
      />
      <Button type="submit" pending={request.isPending}>
        Email me a link
      </Button>
    </form>
  );
}
