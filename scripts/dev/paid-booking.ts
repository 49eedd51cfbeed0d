/**
 * A newcomer's whole paid booking against a running `pnpm dev`, over plain HTTP as a browser
 * would: hold a general-admission ticket, check out, pay on the Stripe simulator's page, and
 * wait for the site to confirm the booking from the simulator's signed webhook.
 */
import { pollUntil } from './net';

const EMAIL = 'smoke@example.test';

async function call<T>(
  web: string,
  path: string,
  input: unknown,
  method: 'GET' | 'POST' = 'GET',
): Promise<T> {
  const body = JSON.stringify({ json: input });
  const url = new URL(`/api/trpc/${path}`, web);
  if (method === 'GET') url.searchParams.set('input', body);
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `smoke-${process.pid}` },
    body: method === 'POST' ? body : undefined,
  });
  const payload = (await response.json()) as {
    result?: { data: { json: T } };
    error?: { json: { message: string } };
  };
  if (!payload.result)
    throw new Error(`${path}: ${payload.error?.json.message ?? response.status}`);
  return payload.result.data.json;
}

export async function payForABooking(web: string, offeringSlug: string): Promise<string> {
  const offering = await call<{ id: string; ticketTypes: { id: string; name: string }[] }>(
    web,
    'catalog.offering',
    { slug: offeringSlug },
  );
  const dates = await call<{ items: { id: string }[] }>(web, 'catalog.occurrences', {
    offeringId: offering.id,
  });
  const date = dates.items[0];
  const ticketType = offering.ticketTypes.find((type) => type.name === 'Standard');
  if (!date || !ticketType) throw new Error(`${offeringSlug} has no date or no Standard ticket`);

  const hold = await call<{ holdId: string }>(
    web,
    'holds.create',
    { occurrenceId: date.id, tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }] },
    'POST',
  );
  const booking = await call<{ reference: string; payment: { redirectUrl: string | null } | null }>(
    web,
    'bookings.checkout',
    {
      holdId: hold.holdId,
      idempotencyKey: `smoke-${hold.holdId}`,
      contact: { name: 'Smoke Test', email: EMAIL },
    },
    'POST',
  );
  const payPage = booking.payment?.redirectUrl;
  if (!payPage) throw new Error(`booking ${booking.reference} got no payment page`);

  // The "Pay" button of the simulator's page: a form POST answered by a redirect to the site.
  const paid = await fetch(payPage, {
    method: 'POST',
    body: new URLSearchParams({ action: 'pay', email: EMAIL }),
    redirect: 'manual',
  });
  if (paid.status !== 303) throw new Error(`paying on ${payPage} answered ${paid.status}`);

  const confirmed = await pollUntil(
    async () =>
      (
        await call<{ status: string }>(web, 'bookings.byReference', {
          reference: booking.reference,
          email: EMAIL,
        })
      ).status === 'confirmed',
    { timeoutMs: 30_000, intervalMs: 250 },
  );
  if (!confirmed)
    throw new Error(`booking ${booking.reference} was paid but not confirmed within 30 s`);
  return booking.reference;
}
