// An integrator's TypeScript program, compiled against nothing but the installed tarball
// (packaging/tarball.integration.test.ts): wrong inputs must fail to compile there too.
import {
  createTesseraClient,
  isTesseraError,
  type RouterInputs,
  type RouterOutputs,
} from '@tessera/client';
import { CreateHoldInput, type HoldView } from '@tessera/client/schemas';
import { verifyWebhook } from '@tessera/client/webhooks';
import type { z } from 'zod';

const tessera = createTesseraClient({ baseUrl: 'https://book.example.com', apiKey: 'tk_live_x' });

export async function book(occurrenceId: string, ticketTypeId: string): Promise<string> {
  const input: RouterInputs['holds']['create'] = {
    occurrenceId,
    tickets: [{ ticketTypeId, quantity: 1 }],
  };
  CreateHoldInput.parse(input);
  const hold: z.infer<typeof HoldView> = await tessera.holds.create.mutate(input);
  const expires: Date = hold.expiresAt;
  const booking = await tessera.bookings.checkout.mutate({
    holdId: hold.holdId,
    idempotencyKey: `order-${expires.getTime()}`,
    contact: { name: 'Ada', email: 'ada@example.com' },
  });
  const amount: number = booking.total.amount;
  return `${booking.reference} ${amount}`;
}

export async function staffDesk(reference: string) {
  // A staff key (admin:read) reaches the staff procedures, typed like the rest.
  const detail: RouterOutputs['staff']['bookings']['detail'] =
    await tessera.staff.bookings.detail.query({ reference });
  return detail.status;
}

export async function wrongInputs() {
  const tickets = [{ ticketTypeId: 'y', quantity: '1' }];
  // @ts-expect-error quantity is a number
  await tessera.holds.create.mutate({ occurrenceId: 'x', tickets });
  // @ts-expect-error not a Tessera error code
  isTesseraError(new Error(), 'SEAT_GONE');
}

export const verify = (body: string, secret: string) =>
  verifyWebhook(body, { 'tessera-signature': 't=1,v1=00' }, secret);
