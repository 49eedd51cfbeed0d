/**
 * What checkout keeps in the tab's sessionStorage: one idempotency key per hold (a retried
 * or double-clicked "Pay" never creates a second booking) and the email a guest booked
 * with (the booking page needs it to load the booking after the payment redirect).
 */
const keyOf = (holdId: string) => `tessera:checkout-key:${holdId}`;
const emailOf = (reference: string) => `tessera:booking-email:${reference.toUpperCase()}`;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // Storage disabled by the browser: fall back to asking.
  }
}

export function checkoutIdempotencyKey(holdId: string): string {
  const store = storage();
  const existing = store?.getItem(keyOf(holdId));
  if (existing) return existing;
  const key = `checkout-${crypto.randomUUID()}`;
  store?.setItem(keyOf(holdId), key);
  return key;
}

export function rememberBookingEmail(reference: string, email: string): void {
  storage()?.setItem(emailOf(reference), email);
}

export function rememberedBookingEmail(reference: string): string | null {
  return storage()?.getItem(emailOf(reference)) ?? null;
}
