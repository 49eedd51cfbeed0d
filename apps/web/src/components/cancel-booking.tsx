'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { readApiError } from '@tessera/client';
import { useTRPC } from '@tessera/client/react';
import { Alert, Button, Card, formatDateTime, formatMoney } from '@tessera/ui';
import { useEffect, useRef, useState } from 'react';

/**
 * Cancel within the offering's policy. The refund (or why cancelling online is not
 * possible) is asked from the API and shown before the customer confirms. It stays mounted
 * after the booking turns cancelled, so the outcome stays on screen.
 */
export function CancelBooking({
  reference,
  email,
  timeZone,
  live,
  onCancelled,
}: {
  reference: string;
  email: string;
  timeZone: string;
  /** Confirmed or waiting for payment: the only states a customer may cancel from. */
  live: boolean;
  onCancelled: () => void;
}) {
  const trpc = useTRPC();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<{ refund: string | null } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const quote = useQuery(
    trpc.bookings.cancellationQuote.queryOptions(
      { reference, email },
      { enabled: asking, staleTime: 0, retry: false },
    ),
  );
  const cancel = useMutation(trpc.bookings.cancel.mutationOptions());

  useEffect(() => {
    if (asking || done) headingRef.current?.focus();
  }, [asking, done]);

  if (done) {
    return (
      <Alert tone="success" title="Your booking is cancelled">
        <h2 ref={headingRef} tabIndex={-1} className="sr-only">
          Cancellation done
        </h2>
        {done.refund
          ? `${done.refund} will be refunded to the card you paid with; banks take a few days to show it.`
          : 'Nothing was paid, so there is nothing to refund.'}
      </Alert>
    );
  }

  if (!live) return null;

  if (!asking) {
    return (
      <div>
        <Button variant="secondary" onClick={() => setAsking(true)}>
          Cancel this booking…
        </Button>
      </div>
    );
  }

  const data = quote.data;
  const refund = data && data.refund.amount > 0 ? formatMoney(data.refund) : null;

  async function confirm() {
    try {
      await cancel.mutateAsync({ reference, email });
      setDone({ refund });
      onCancelled();
    } catch {
      void quote.refetch();
    }
  }

  return (
    <Card className="flex flex-col gap-3 border-red-200">
      <h2
        ref={headingRef}
        tabIndex={-1}
        className="text-lg font-semibold text-slate-900 focus-visible:outline-none"
      >
        Cancel this booking?
      </h2>
      {quote.isPending ? <p role="status">Checking what would be refunded…</p> : null}
      {quote.isError ? (
        <Alert tone="error" title="We could not check this booking">
          {quote.error.message}
        </Alert>
      ) : null}
      {data && !data.cancellable ? (
        <>
          <Alert tone="warning" title="This booking cannot be cancelled online">
            {data.reason}
          </Alert>
          <div>
            <Button variant="secondary" onClick={() => setAsking(false)}>
              Back
            </Button>
          </div>
        </>
      ) : null}
      {data?.cancellable ? (
        <>
          <p className="text-slate-800" data-testid="cancellation-refund">
            {refund
              ? `If you cancel now, ${refund} will be refunded to the card you paid with.`
              : 'Nothing has been paid for this booking, so there is nothing to refund.'}
          </p>
          {data.until ? (
            <p className="text-sm text-slate-700">
              Online cancellation is possible until{' '}
              <time dateTime={data.until.toISOString()}>
                {formatDateTime(data.until, timeZone)}
              </time>
              . Your places go back on sale at once; this cannot be undone.
            </p>
          ) : null}
          {cancel.isError ? (
            <Alert tone="error" title="The booking was not cancelled">
              {readApiError(cancel.error).message}
            </Alert>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Button variant="danger" pending={cancel.isPending} onClick={() => void confirm()}>
              {refund ? `Cancel and refund ${refund}` : 'Cancel the booking'}
            </Button>
            <Button variant="secondary" onClick={() => setAsking(false)}>
              Keep my booking
            </Button>
          </div>
        </>
      ) : null}
    </Card>
  );
}
