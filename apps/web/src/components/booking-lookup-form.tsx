'use client';

import { useQueryClient } from '@tanstack/react-query';
import { readApiError } from '@tessera/client';
import { useTRPC } from '@tessera/client/react';
import { Alert, Button, Field, formText } from '@tessera/ui';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { rememberBookingEmail } from '~/lib/checkout-storage';
import type { FieldErrors } from '~/lib/field-errors';

/** A guest finds a booking by its reference and the email it was made with. */
export function BookingLookupForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { reference: formText(form, 'reference'), email: formText(form, 'email') };
    setProblem(null);
    setPending(true);
    try {
      const booking = await queryClient.fetchQuery(
        trpc.bookings.byReference.queryOptions(input, { retry: false }),
      );
      setFieldErrors({});
      rememberBookingEmail(booking.reference, input.email.trim().toLowerCase());
      router.push(`/bookings/${booking.reference}`);
    } catch (error) {
      const apiError = readApiError(error);
      setFieldErrors(apiError.fieldErrors);
      // A field's own message is enough; the alert is for a booking that was not found.
      setProblem(Object.keys(apiError.fieldErrors).length > 0 ? null : apiError.message);
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Find a booking"
      className="flex flex-col gap-4"
    >
      {problem ? (
        <Alert tone="error" title="No booking found">
          {problem} Check the reference in your confirmation email.
        </Alert>
      ) : null}
      <Field
        label="Booking reference"
        name="reference"
        autoComplete="off"
        autoCapitalize="characters"
        required
        hint="6 to 12 letters and digits, in your confirmation email."
        errors={fieldErrors.reference}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        hint="The address you booked with."
        errors={fieldErrors.email}
      />
      <Button type="submit" pending={pending}>
        Find my booking
      </Button>
    </form>
  );
}
