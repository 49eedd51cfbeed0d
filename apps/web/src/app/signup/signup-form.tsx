'use client';

import { Alert, Button, Field, formText } from '@tessera/ui';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { signInAfterSignUp } from '~/server/auth-actions';
import { readApiError, type ApiProblem } from '@tessera/client';
import { useTRPC } from '@tessera/client/react';

/**
 * Creates the account through the API (so its validation speaks for each field), then
 * signs in with the same credentials and lands on the home page.
 */
export function SignUpForm() {
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [signingIn, startSignIn] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  // After a refusal, move focus to the first field that needs fixing (its error is read with it).
  useEffect(() => {
    if (!problem) return;
    formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [problem]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: formText(form, 'name'),
      email: formText(form, 'email'),
      password: formText(form, 'password'),
    };
    setProblem(null);
    try {
      await signUp.mutateAsync(input);
    } catch (error) {
      setProblem(readApiError(error));
      return;
    }
    startSignIn(() => signInAfterSignUp(input.email, input.password));
  }

  const fieldErrors = problem?.fieldErrors ?? {};
  // A taken email is about the email field; other problems without a field go on top.
  const emailErrors =
    problem?.appCode === 'EMAIL_TAKEN' ? [problem.message] : (fieldErrors.email ?? []);
  const generalError =
    problem && problem.appCode !== 'EMAIL_TAKEN' && Object.keys(fieldErrors).length === 0
      ? problem.message
      : null;
  const pending = signUp.isPending || signingIn;

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {generalError ? (
        <Alert tone="error" title="Your account was not created">
          {generalError}
        </Alert>
      ) : null}
      <Field label="Name" name="name" autoComplete="name" required errors={fieldErrors.name} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        errors={emailErrors}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        errors={fieldErrors.password}
      />
      <Button type="submit" pending={pending}>
        {signingIn ? 'Signing you in…' : pending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
