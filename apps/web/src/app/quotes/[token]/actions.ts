'use server';

import { formText } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { serverApi } from '~/trpc/server';

export type AcceptState =
  | { outcome: null }
  | { outcome: 'refused'; message: string }
  | { outcome: 'accepted'; reference: string; email: string; next: string };

/** Accepts the offer: its places are held and booked now; then to payment or the booking. */
export async function acceptOffer(_previous: AcceptState, form: FormData): Promise<AcceptState> {
  const token = formText(form, 'token');
  try {
    const api = await serverApi();
    const accepted = await api.quotes.accept({ token });
    const offer = await api.quotes.byToken({ token });
    return {
      outcome: 'accepted',
      reference: accepted.reference,
      email: offer.contact.email,
      next: accepted.paymentUrl ?? `/bookings/${accepted.reference}`,
    };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
}
