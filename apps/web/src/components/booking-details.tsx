'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@tessera/client/react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Field,
  PageHeader,
  buttonClasses,
  formatDateTime,
  formatMoney,
  formText,
} from '@tessera/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { bookingStatusText } from '~/lib/booking-status';
import { rememberBookingEmail, rememberedBookingEmail } from '~/lib/checkout-storage';
import { useLiveBookingStatus } from '~/lib/realtime/use-live-booking-status';
import { BookingTickets } from './booking-tickets';
import { CancelBooking } from './cancel-booking';

/**
 * A pending booking turns confirmed on its own: by a push from the realtime gateway, and by
 * polling, slower while the push channel is open (it covers a push lost on the way).
 */
const PENDING_REFETCH_MS = 1_500;
const PENDING_REFETCH_LIVE_MS = 3_000;

export function BookingDetails({
  reference,
  paymentOutcome,
}: {
  reference: string;
  paymentOutcome: 'success' | 'cancelled' | null;
}) {
  // The email is read after mount: sessionStorage does not exist during the server render.
  const [email, setEmail] = useState<string | null | undefined>(undefined);
  useEffect(() => setEmail(rememberedBookingEmail(reference)), [reference]);

  return (
    <>
      <PageHeader title={`Booking ${reference}`} />
      {email === undefined ? (
        <p role="status">Loading your booking…</p>
      ) : email === null ? (
        <EmailForm
          onEmail={(value) => {
            rememberBookingEmail(reference, value);
            setEmail(value);
          }}
        />
      ) : (
        <BookingView
          reference={reference}
          email={email}
          paymentOutcome={paymentOutcome}
          onWrongEmail={() => setEmail(null)}
        />
      )}
    </>
  );
}

function EmailForm({ onEmail }: { onEmail: (email: string) => void }) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = formText(new FormData(event.currentTarget), 'email').trim();
    if (email) onEmail(email);
  }
  return (
    <Card className="max-w-md">
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <p className="text-slate-700">
          Enter the email address you booked with to see this booking.
        </p>
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Button type="submit">Show my booking</Button>
      </form>
    </Card>
  );
}

function BookingView({
  reference,
  email,
  paymentOutcome,
  onWrongEmail,
}: {
  reference: string;
  email: string;
  paymentOutcome: 'success' | 'cancelled' | null;
  onWrongEmail: () => void;
}) {
  const trpc = useTRPC();
  const live = useLiveBookingStatus(reference, email);
  const booking = useQuery(
    trpc.bookings.byReference.queryOptions(
      { reference, email },
      {
        staleTime: 0,
        retry: false,
        refetchInterval: (query) =>
          query.state.data?.status === 'pending_payment'
            ? live
              ? PENDING_REFETCH_LIVE_MS
              : PENDING_REFETCH_MS
            : false,
      },
    ),
  );

  if (booking.isPending) return <p role="status">Loading your booking…</p>;
  if (booking.isError) {
    return (
      <Alert tone="error" title="We could not find this booking">
        <p>{booking.error.message}</p>
        <p className="mt-1">Check the reference and the email address you booked with.</p>
        <Button className="mt-3" variant="secondary" size="sm" onClick={onWrongEmail}>
          Use another email
        </Button>
      </Alert>
    );
  }

  const data = booking.data;
  const status = bookingStatusText[data.status];
  const money = (amount: number) => formatMoney({ amount, currency: data.total.currency });
  const pending = data.status === 'pending_payment';

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="flex flex-col gap-4 lg:col-span-2">
        <div role="status" className="flex flex-wrap items-center gap-3">
          <span className="text-slate-700">Status:</span>
          <Badge tone={status.tone} className="text-base">
            {status.label}
          </Badge>
        </div>
        {pending && paymentOutcome === 'success' ? (
          <p className="text-slate-700">
            Your payment went through; we are confirming it with the bank. This page updates by
            itself.
          </p>
        ) : null}
        {pending && paymentOutcome === 'cancelled' ? (
          <Alert tone="warning" title="Payment not completed">
            <p>Your booking is kept while it waits for payment.</p>
            {data.payment?.redirectUrl ? (
              <a
                href={data.payment.redirectUrl}
                className={buttonClasses({ size: 'sm', className: 'mt-2' })}
              >
                Try paying again
              </a>
            ) : null}
          </Alert>
        ) : null}
        {pending && data.payment?.instructions ? (
          <Alert tone="info" title="How to pay">
            {data.payment.instructions}
          </Alert>
        ) : null}
        <Card className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold text-slate-900">{data.offering.name}</h2>
          {data.startsAt ? (
            <p className="text-slate-700">
              <time dateTime={data.startsAt.toISOString()}>
                {formatDateTime(data.startsAt, data.timeZone)}
              </time>
            </p>
          ) : null}
          <p className="text-sm text-slate-700">
            Booked by {data.contact.name} ({data.contact.email})
          </p>
        </Card>
        <CancelBooking
          reference={reference}
          email={email}
          timeZone={data.timeZone}
          live={data.status === 'confirmed' || data.status === 'pending_payment'}
          onCancelled={() => void booking.refetch()}
        />
        {data.status === 'confirmed' && data.tickets.length > 0 ? (
          <BookingTickets reference={data.reference} email={email} tickets={data.tickets} />
        ) : null}
      </div>
      <aside>
        <Card className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold text-slate-900">Summary</h2>
          <ul className="flex flex-col gap-1 text-sm">
            {data.items.map((item, index) => (
              <li key={index} className="flex justify-between gap-2">
                <span>
                  {item.quantity > 1 ? `${item.quantity} × ` : null}
                  {item.description}
                </span>
                <span>{formatMoney(item.total)}</span>
              </li>
            ))}
          </ul>
          <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 border-t border-slate-200 pt-2 text-sm">
            <dt>Subtotal</dt>
            <dd className="text-right">{money(data.subtotal.amount)}</dd>
            {data.discount.amount > 0 ? (
              <>
                <dt>Discount</dt>
                <dd className="text-right">−{money(data.discount.amount)}</dd>
              </>
            ) : null}
            <dt>Tax</dt>
            <dd className="text-right">{money(data.tax.amount)}</dd>
            <dt className="font-semibold">Total</dt>
            <dd className="text-right font-semibold">{money(data.total.amount)}</dd>
            {data.paid.amount > 0 ? (
              <>
                <dt>Paid</dt>
                <dd className="text-right">{money(data.paid.amount)}</dd>
              </>
            ) : null}
          </dl>
        </Card>
      </aside>
    </div>
  );
}
