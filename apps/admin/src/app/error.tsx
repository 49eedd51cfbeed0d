'use client';

import { Alert, Button } from '@tessera/ui';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <Alert tone="error" title="This page could not be loaded">
      <p>Something went wrong on our side. Your bookings are safe.</p>
      <Button className="mt-3" variant="secondary" size="sm" onClick={reset}>
        Try again
      </Button>
    </Alert>
  );
}
