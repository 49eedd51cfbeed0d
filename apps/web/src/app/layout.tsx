import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '~/components/site-header';
import { TestPaymentsBanner } from '~/components/test-payments-banner';
import { env } from '~/env';
import { TRPCReactProvider } from '@tessera/client/react';
import { RealtimeProvider } from '@tessera/ui/realtime';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tessera — trips, events and bookable times', template: '%s · Tessera' },
  description: 'Book seats on a departure, tickets to an event, or a time slot.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        {env.STRIPE_SECRET_KEY?.startsWith('sk_test_') ? <TestPaymentsBanner /> : null}
        <SiteHeader />
        <TRPCReactProvider>
          <RealtimeProvider url={env.NEXT_PUBLIC_REALTIME_URL}>
            <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
              {children}
            </main>
          </RealtimeProvider>
        </TRPCReactProvider>
        {env.NEXT_PUBLIC_ADMIN_URL ? (
          <footer className="border-t border-slate-200 bg-white">
            <div className="mx-auto max-w-5xl px-4 py-4 text-sm text-slate-600">
              Operator staff?{' '}
              <a className="font-medium text-brand-700 underline" href={env.NEXT_PUBLIC_ADMIN_URL}>
                Sign in to the staff console
              </a>
            </div>
          </footer>
        ) : null}
      </body>
    </html>
  );
}
