'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { readApiError } from '@tessera/client';
import { useTRPC } from '@tessera/client/react';
import { Alert, Button, Card, Field, buttonClasses, formText } from '@tessera/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { checkoutIdempotencyKey, rememberBookingEmail } from '~/lib/checkout-storage';
import type { FieldErrors } from '~/lib/field-errors';
import { formatMinutesSeconds, useSecondsLeft } from '~/lib/use-countdown';
import { HoldSummary } from './hold-summary';
import { PromoCode } from './promo-code';

export interface CheckoutOffering {
  id: string;
  slug: string;
  kind: 'event' | 'trip' | 'appointment';
  asksAttendeeNames: boolean;
}

export function CheckoutForm({
  holdId,
  offering,
}: {
  holdId: string;
  offering: CheckoutOffering | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const hold = useQuery(trpc.holds.get.queryOptions({ holdId }, { staleTime: Infinity }));
  const pay = useMutation(trpc.bookings.checkout.mutationOptions());
  const [promoCode, setPromoCode] = useState<string | undefined>(undefined);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const secondsLeft = useSecondsLeft(hold.data?.expiresAt ?? null);

  useEffect(() => {
    if (Object.keys(fieldErrors).length === 0) return;
    formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  if (hold.isPending) return <p role="status">Loading your booking…</p>;
  if (hold.isError) {
    return (
      <Alert tone="error" title="We could not find this booking in progress">
        <p>{hold.error.message}</p>
        <Link href="/" className="mt-2 inline-block font-medium underline">
          See what is on sale
        </Link>
      </Alert>
    );
  }

  const data = hold.data;
  const backHref =
    offering && data.occurrenceId
      ? `/o/${offering.slug}/${data.occurrenceId}`
      : offering
        ? `/o/${offering.slug}`
        : '/';
  const expired = data.status === 'expired' || data.status === 'released' || secondsLeft === 0;
  const seatWord = data.items.some((item) => item.kind === 'seat')
    ? 'seats'
    : data.items.some((item) => item.kind === 'slot')
      ? 'times'
      : 'tickets';

  if (data.status === 'converted') {
    return (
      <Alert tone="info" title="This booking was already placed">
        Check your email for the booking reference and its link.
      </Alert>
    );
  }
  if (expired) {
    return (
      <Alert tone="warning" title="Your hold expired">
        <p>
          Your {seatWord} were kept for you for a limited time; that time is over and they were
          released for others. Nothing was booked and nothing was charged.
        </p>
        <Link
          href={backHref}
          className={buttonClasses({ variant: 'secondary', size: 'sm', className: 'mt-3' })}
        >
          {data.occurrenceId ? 'Back to this date' : 'Choose again'}
        </Link>
      </Alert>
    );
  }

  const attendeeCount = offering?.asksAttendeeNames
    ? data.items
        .filter((item) => item.kind === 'seat' || item.kind === 'ticket')
        .reduce((sum, item) => sum + item.quantity, 0)
    : 0;
  const attendeeWord = offering?.kind === 'trip' ? 'Passenger' : 'Attendee';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const phone = formText(form, 'phone').trim();
    const input = {
      holdId,
      idempotencyKey: checkoutIdempotencyKey(holdId),
      contact: {
        name: formText(form, 'name'),
        email: formText(form, 'email'),
        phone: phone || undefined,
      },
      attendees:
        attendeeCount > 0
          ? Array.from({ length: attendeeCount }, (_, index) => ({
              name: formText(form, `attendee-${index}`),
            }))
          : undefined,
      promoCode,
    };
    setProblem(null);
    setFieldErrors({});
    try {
      // The API validates: its errors name the exact field at fault (`data.fieldErrors`),
      // and a refused checkout changes nothing, so the same idempotency key is retried.
      const result = await pay.mutateAsync(input);
      rememberBookingEmail(result.reference, input.contact.email.trim());
      const redirectUrl = result.payment?.redirectUrl;
      if (redirectUrl) {
        setRedirecting(true);
        window.location.assign(redirectUrl);
      } else {
        router.push(`/bookings/${result.reference}`);
      }
    } catch (error) {
      const apiError = readApiError(error);
      if (apiError.appCode === 'HOLD_EXPIRED') void hold.refetch();
      if (apiError.appCode === 'PROMO_INVALID') {
        setFieldErrors({ promoCode: [apiError.message] });
        return;
      }
      setFieldErrors(apiError.fieldErrors);
      // Field errors are said at their fields (the first one takes the focus).
      const atFields = Object.keys(apiError.fieldErrors).length > 0;
      setProblem(apiError.appCode === 'VALIDATION' && atFields ? null : apiError.message);
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="flex flex-col gap-4 lg:col-span-2">
        <p
          role="timer"
          aria-live="off"
          className="rounded-md bg-brand-50 px-4 py-2 font-medium text-brand-800"
        >
          Your {seatWord} are held for {formatMinutesSeconds(secondsLeft ?? 0)}
        </p>
        <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
          {problem ? (
            <Alert tone="error" title="Your booking was not placed">
              {problem}
            </Alert>
          ) : null}
          <fieldset className="flex flex-col gap-4">
            <legend className="mb-2 text-lg font-semibold text-slate-900">
              Your contact details
            </legend>
            <Field
              label="Name"
              name="name"
              autoComplete="name"
              required
              errors={fieldErrors['contact.name']}
            />
            <Field
              label="Email"
              name="email"
              type="email"
              autoComplete="email"
              required
              hint="Your tickets and booking link are sent here."
              errors={fieldErrors['contact.email']}
            />
            <Field
              label="Phone (optional)"
              name="phone"
              type="tel"
              autoComplete="tel"
              errors={fieldErrors['contact.phone']}
            />
          </fieldset>
          {attendeeCount > 0 ? (
            <fieldset className="flex flex-col gap-4">
              <legend className="mb-2 text-lg font-semibold text-slate-900">
                {attendeeWord} names
              </legend>
              {Array.from({ length: attendeeCount }, (_, index) => (
                <Field
                  key={index}
                  label={`${attendeeWord} ${index + 1} name`}
                  name={`attendee-${index}`}
                  required
                  errors={fieldErrors[`attendees.${index}.name`]}
                />
              ))}
            </fieldset>
          ) : null}
          <Button type="submit" pending={pay.isPending || redirecting}>
            {redirecting ? 'Opening the payment page…' : 'Pay'}
          </Button>
        </form>
      </div>
      <aside className="flex flex-col gap-4 lg:sticky lg:top-4 lg:self-start">
        <Card className="flex flex-col gap-3">
          <HoldSummary holdId={holdId} items={data.items} promoCode={promoCode} />
          <PromoCode
            holdId={holdId}
            applied={promoCode}
            onApply={setPromoCode}
            errors={fieldErrors.promoCode}
          />
        </Card>
      </aside>
    </div>
  );
}
