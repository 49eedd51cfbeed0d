'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { rememberBookingEmail } from '~/lib/checkout-storage';

/** Opens a booking of the signed-in customer; the booking page loads it with its email. */
export function MyBookingLink({
  reference,
  email,
  children,
}: {
  reference: string;
  email: string;
  children: ReactNode;
}) {
  return (
    <Link
      href={`/bookings/${reference}`}
      onClick={() => rememberBookingEmail(reference, email)}
      className="font-semibold text-brand-700 underline after:absolute after:inset-0"
    >
      {children}
    </Link>
  );
}
