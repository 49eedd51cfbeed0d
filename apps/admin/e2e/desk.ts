import { expect, type APIRequestContext } from '@playwright/test';
import {
  DEMO,
  createOccurrence,
  createOffering,
  createTicketType,
  createVenue,
} from '@tessera/db/seed';
import superjson from 'superjson';
import { withSuiteDatabase } from './database';

/** A concert of the demo org of this test's own, in Paris in ten days; free unless priced. */
export async function demoConcert({ priceAmount = 0 } = {}) {
  const id = crypto.randomUUID().slice(0, 8);
  return withSuiteDatabase(async (db) => {
    const org = await db
      .selectFrom('orgs')
      .selectAll()
      .where('slug', '=', DEMO.orgSlug)
      .executeTakeFirstOrThrow();
    const venue = await createVenue(db, { org, name: `Hall ${id}`, timeZone: 'Europe/Paris' });
    const offering = await createOffering(db, {
      org,
      venue,
      slug: `desk-${id}`,
      name: `Desk concert ${id}`,
    });
    const ticketType = await createTicketType(db, {
      offering,
      name: 'Standing',
      priceAmount,
      quotaPerOccurrence: 20,
    });
    const startsAt = new Date(Date.now() + 10 * 86_400_000);
    const occurrence = await createOccurrence(db, { offering, startsAt, capacity: 20 });
    return { offering, ticketType, occurrence };
  });
}

/** A tRPC mutation over HTTP, as a browser's client sends it (superjson: dates stay dates). */
export async function mutate(request: APIRequestContext, path: string, input: unknown) {
  const response = await request.post(`/api/trpc/${path}`, { data: superjson.serialize(input) });
  expect(response.ok(), await response.text()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: Record<string, unknown> } } };
  return body.result.data.json;
}

/** A tRPC query over HTTP, as a browser's client sends it. */
export async function query(request: APIRequestContext, path: string, input: unknown) {
  const param = encodeURIComponent(JSON.stringify({ json: input }));
  const response = await request.get(`/api/trpc/${path}?input=${param}`);
  expect(response.ok(), await response.text()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: unknown } } };
  return body.result.data.json;
}

/** A customer's booking of `names.length` tickets, through the public API; its ticket codes. */
export async function bookTickets(
  request: APIRequestContext,
  concert: Awaited<ReturnType<typeof demoConcert>>,
  names: string[],
) {
  const hold = await mutate(request, 'holds.create', {
    occurrenceId: concert.occurrence.id,
    tickets: [{ ticketTypeId: concert.ticketType.id, quantity: names.length }],
  });
  const booked = await mutate(request, 'bookings.checkout', {
    holdId: hold.holdId,
    idempotencyKey: `e2e-${crypto.randomUUID()}`,
    contact: { name: names[0], email: `desk-${crypto.randomUUID().slice(0, 8)}@example.test` },
    attendees: names.map((name) => ({ name })),
  });
  const reference = String(booked.reference);
  const codes = await withSuiteDatabase(async (db) =>
    (
      await db
        .selectFrom('tickets as t')
        .innerJoin('bookings as b', 'b.id', 't.bookingId')
        .innerJoin('attendees as a', 'a.id', 't.attendeeId')
        .select('t.code')
        .where('b.reference', '=', reference)
        .orderBy('a.position')
        .execute()
    ).map((ticket) => ticket.code),
  );
  return { reference, codes };
}
