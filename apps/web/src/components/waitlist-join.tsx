'use client';

import { useMutation } from '@tanstack/react-query';
import { readApiError } from '@tessera/client';
import { useTRPC } from '@tessera/client/react';
import { Alert, Button, Card, Field, formText } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '~/lib/field-errors';

/** A sold-out date: join its waiting list, and see the place in line once joined. */
export function WaitlistJoin({
  occurrenceId,
  maxQuantity,
}: {
  occurrenceId: string;
  maxQuantity: number;
}) {
  const trpc = useTRPC();
  const join = useMutation(trpc.waitlist.join.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [joined, setJoined] = useState<{ position: number; email: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = formText(form, 'name').trim();
    const email = formText(form, 'email');
    setProblem(null);
    try {
      const entry = await join.mutateAsync({
        occurrenceId,
        email,
        name: name || undefined,
        quantity: Number(formText(form, 'quantity') || '1'),
      });
      setFieldErrors({});
      setJoined({ position: entry.position, email: email.trim().toLowerCase() });
    } catch (error) {
      const apiError = readApiError(error);
      setFieldErrors(apiError.fieldErrors);
      setProblem(apiError.message);
    }
  }

  if (joined) {
    return (
      <Alert tone="success" title="You are on the waiting list">
        <p>
          You are number {joined.position} in line. We will email {joined.email} if places become
          available.
        </p>
      </Alert>
    );
  }

  return (
    <Card className="max-w-lg">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">Join the waiting list</h2>
          <p className="text-slate-700">
            If places are released, we email the people in line in the order they joined.
          </p>
        </div>
        {problem ? (
          <Alert tone="error" title="You were not added to the waiting list">
            {problem}
          </Alert>
        ) : null}
        <Field label="Name (optional)" name="name" autoComplete="name" errors={fieldErrors.name} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          errors={fieldErrors.email}
        />
        <Field
          label="Places wanted"
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxQuantity}
          defaultValue="1"
          errors={fieldErrors.quantity}
          className="max-w-32"
        />
        <Button type="submit" pending={join.isPending}>
          Join the waiting list
        </Button>
      </form>
    </Card>
  );
}
