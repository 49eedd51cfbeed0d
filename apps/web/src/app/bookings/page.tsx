import { Badge, Card, PageHeader, formatDateTime, formatMoney } from '@tessera/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { BookingLookupForm } from '~/components/booking-lookup-form';
import { MyBookingLink } from '~/components/my-booking-link';
import { bookingStatusText } from '~/lib/booking-status';
import { serverApi } from '~/trpc/server';

export const metadata: Metadata = { title: 'Your bookings' };

export default async function BookingsPage() {
  const api = await serverApi();
  const me = await api.auth.me();
  const mine = me ? await api.bookings.mine() : null;

  return (
    <>
      <PageHeader
        title="Your bookings"
        description={
          me
            ? 'Bookings made while signed in, newest first.'
            : 'Find a booking with its reference and email, or sign in to see all of yours.'
        }
      />
      <div className="grid gap-8 lg:grid-cols-3">
        {mine ? (
          <section aria-labelledby="mine-heading" className="lg:col-span-2">
            <h2 id="mine-heading" className="mb-3 text-xl font-semibold text-slate-900">
              My bookings
            </h2>
            {mine.length === 0 ? (
              <p className="text-slate-700">
                No bookings yet.{' '}
                <Link href="/" className="text-brand-700 underline">
                  See what is on sale
                </Link>
                .
              </p>
            ) : (
              <ul aria-label="My bookings" className="flex flex-col gap-3">
                {mine.map((booking) => {
                  const status = bookingStatusText[booking.status];
                  return (
                    <li key={booking.reference}>
                      <Card className="relative flex flex-wrap items-center justify-between gap-3 p-4">
                        <div className="flex flex-col gap-1">
                          <MyBookingLink
                            reference={booking.reference}
                            email={booking.contact.email}
                          >
                            {booking.offering.name}
                          </MyBookingLink>
                          {booking.startsAt ? (
                            <time
                              className="text-sm text-slate-700"
                              dateTime={booking.startsAt.toISOString()}
                            >
                              {formatDateTime(booking.startsAt, booking.timeZone)}
                            </time>
                          ) : null}
                          <p className="text-sm text-slate-600">Reference {booking.reference}</p>
                        </div>
                        <div className="flex flex-col items-end gap-1">
                          <Badge tone={status.tone}>{status.label}</Badge>
                          <span className="text-sm font-medium text-slate-900">
                            {formatMoney(booking.total)}
                          </span>
                        </div>
                      </Card>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        ) : null}
        <section
          aria-labelledby="find-heading"
          className={mine ? undefined : 'lg:col-span-2 max-w-md'}
        >
          <h2 id="find-heading" className="mb-3 text-xl font-semibold text-slate-900">
            Find a booking
          </h2>
          <Card>
            <BookingLookupForm />
          </Card>
          {me ? null : (
            <p className="mt-4 text-sm text-slate-700">
              Have an account?{' '}
              <Link
                href="/signin?callbackUrl=/bookings"
                className="font-medium text-brand-700 underline"
              >
                Sign in to see all your bookings
              </Link>
            </p>
          )}
        </section>
      </div>
    </>
  );
}
