// A whole booking with the built @tessera/client, as an integrator's program runs it (plain
// Node, no TypeScript): find the org's first event, hold one ticket, check out, wait for
// confirmation. Configured by TESSERA_URL, TESSERA_API_KEY and TESSERA_ORG (the org's slug).
import { createTesseraClient, isTesseraError } from '@tessera/client';

const { TESSERA_URL, TESSERA_API_KEY, TESSERA_ORG } = process.env;
if (!TESSERA_URL || !TESSERA_API_KEY || !TESSERA_ORG) {
  console.error('Set TESSERA_URL, TESSERA_API_KEY and TESSERA_ORG');
  process.exit(2);
}
const tessera = createTesseraClient({ baseUrl: TESSERA_URL, apiKey: TESSERA_API_KEY });

const { org } = await tessera.developer.whoami.query();
const { items } = await tessera.catalog.offerings.query({ orgSlug: TESSERA_ORG });
const offering = items[0];
if (!offering) throw new Error(`${org.name} has nothing on sale`);
const { items: dates } = await tessera.catalog.occurrences.query({ offeringId: offering.id });
const date = dates[0];
if (!date) throw new Error(`${offering.name} has no upcoming date`);
const availability = await tessera.availability.occurrence.query({ occurrenceId: date.id });
const ticketType = availability.ticketTypes.find((type) => type.remaining > 0);
if (!ticketType) throw new Error('Sold out');

let hold;
try {
  hold = await tessera.holds.create.mutate({
    occurrenceId: date.id,
    tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }],
  });
} catch (error) {
  if (isTesseraError(error, 'SOLD_OUT')) throw new Error('Sold out while we were looking');
  throw error;
}
const booking = await tessera.bookings.checkout.mutate({
  holdId: hold.holdId,
  idempotencyKey: crypto.randomUUID(),
  contact: { name: 'Example Program', email: 'example@tessera.test' },
});

let { status } = booking;
for (let attempt = 0; status === 'pending_payment' && attempt < 30; attempt++) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  ({ status } = await tessera.bookings.byReference.query({
    reference: booking.reference,
    email: 'example@tessera.test',
  }));
}
console.log(`${booking.reference} ${status}`);
process.exit(status === 'confirmed' ? 0 : 1);
