'use client';

import { Alert, Button } from '@tessera/ui';
import { useActionState, useEffect } from 'react';
import { rememberBookingEmail } from '~/lib/checkout-storage';
import { acceptOffer, type AcceptState } from './actions';

const initial: AcceptState = { outcome: null };

/** One button: accept (the places are held now) and go on to pay. */
export function AcceptForm({ token, totalText }: { token: string; totalText: string }) {
  const [state, action, pending] = useActionState(acceptOffer, initial);
  useEffect(() => {
    if (state.outcome !== 'accepted') return;
    // The booking page asks a guest for the email; this browser remembers it.
    rememberBookingEmail(state.reference, state.email);
    window.location.assign(state.next);
  }, [state]);
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <div>
        <Button type="submit" pending={pending || state.outcome === 'accepted'}>
          {state.outcome === 'accepted' ? 'Taking you to payment…' : `Accept and pay ${totalText}`}
        </Button>
      </div>
      {state.outcome === 'refused' ? (
        <Alert tone="error" title="This offer cannot be accepted">
          {state.message}
        </Alert>
      ) : null}
    </form>
  );
}
