import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from '@tessera/client/react';
import { RealtimeProvider } from '@tessera/ui/realtime';
import { env } from '~/env';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tessera console', template: '%s · Tessera console' },
  description: 'Operator console: departures, events, bookings and check-in.',
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <TRPCReactProvider>
          <RealtimeProvider url={env.NEXT_PUBLIC_REALTIME_URL}>{children}</RealtimeProvider>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
