import { randomUUID } from 'node:crypto';
import { createOrg, createStaffUser } from '@tessera/db/seed';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNotification } from '../domain/notifications/compose';
import { env } from '../env';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at, generalAdmission, seatedOccurrence } from '../testing/engine-fixtures';
import { setupStripe } from '../testing/stripe';

let t: ApiTest;
let s: Awaited<ReturnType<typeof setupStripe>>;
const noEvents = { changed: () => undefined };
const contact = { name: 'Farid Group', email: 'farid@example.test' };
const DAY_MS = 86_400_000;

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 12 });
  s = await setupStripe(t.db, noEvents);
});
afterAll(async () => {
  await s.close();
  await t.close();
});

type Org = Awaited<ReturnType<typeof createOrg>>;
const staffOf = async (org: Org, role: 'owner' | 'manager' | 'agent' | 'checkin' | 'auditor') =>
  (await createStaffUser(t.db, { org, role, email: `${role}-${randomUUID()}@example.test` })).user;
const inAWeek = () => new Date(Date.now() + 7 * DAY_MS);
const tokenOf = (offerUrl: string) => new URL(offerUrl).pathname.split('/').pop() ?? '';

/** An agent's quote of seats 1 and 2 plus a custom line and 10 % markup, sent: its link's token. */
async function sentSeatQuote() {
  const fixture = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 4 });
  const agent = await t.caller({ userId: (await staffOf(fixture.org, 'agent')).id });
  const quote = await agent.staff.quotes.create({
    contact,
    inventory: {
      occurrenceId: fixture.occurrence.id,
      seatIds: [at(fixture.seats, 0).id, at(fixture.seats, 1).id],
    },
    customLines: [{ description: 'Private guided tour', amount: 2550 }],
    adjustment: { kind: 'percent', value: 1000 },
    validUntil: inAWeek(),
  });
  const { offerUrl } = await agent.staff.quotes.send({ quoteId: quote.id });
  return { ...fixture, agent, quote, offerUrl, token: tokenOf(offerUrl) };
}

describe('staff.quotes', () => {
  it('prices places with the engine without holding them, adds custom lines and the markup', async () => {
    const { org, occurrence, quote, offerUrl, agent } = await sentSeatQuote();
    expect(quote).toMatchObject({
      status: 'draft',
      lines: [
        { kind: 'inventory', amount: 4500 },
        { kind: 'inventory', amount: 4500 },
        { kind: 'custom', description: 'Private guided tour', amount: 2550 },
      ],
      subtotal: { amount: 11550, currency: 'EUR' },
      adjustment: { kind: 'percent', value: 1000, amount: 1155 },
      total: { amount: 12705, currency: 'EUR' },
    });
    expect(offerUrl).toMatch(new RegExp(`^${env.PUBLIC_SITE_URL}/quotes/[A-Za-z0-9_-]{43}$`));
    const held = await t.db
      .selectFrom('occurrenceSeats')
      .select('status')
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '<>', 'free')
      .execute();
    expect(held).toEqual([]);
    const stored = await t.db
      .selectFrom('quotes')
      .select(['tokenHash', 'status'])
      .where('id', '=', quote.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('sent');
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(offerUrl).not.toContain(stored.tokenHash);
    const emails = await t.db
      .selectFrom('outbox')
      .select('eventType')
      .where('aggregateId', '=', quote.id)
      .execute();
    expect(emails).toEqual([{ eventType: 'quote.sent' }]);

    // The worker's email carries the link; once a new link is sent, the old email is not.
    const event = {
      outboxId: 1,
      orgId: org.id,
      eventType: 'quote.sent' as const,
      quoteId: quote.id,
      offerUrl,
      validUntil: inAWeek(),
    };
    const email = await composeNotification(t.db, event);
    expect(email).toMatchObject({
      recipient: contact.email,
      subject: expect.stringContaining(quote.reference) as unknown,
    });
    expect(email?.text).toContain(`See and accept it here: ${offerUrl}`);
    await agent.staff.quotes.send({ quoteId: quote.id });
    expect(await composeNotification(t.db, event)).toBeUndefined();
  });

  it('is refused to roles that may not sell and across orgs', async () => {
    const { org, quote } = await sentSeatQuote();
    for (const role of ['checkin', 'auditor'] as const) {
      const api = await t.caller({ userId: (await staffOf(org, role)).id });
      await expect(
        api.staff.quotes.create({
          contact,
          customLines: [{ description: 'x', amount: 1 }],
          validUntil: inAWeek(),
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(api.staff.quotes.send({ quoteId: quote.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(api.staff.quotes.withdraw({ quoteId: quote.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const checkin = await t.caller({ userId: (await staffOf(org, 'checkin')).id });
    await expect(checkin.staff.quotes.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The auditor reads them.
    const auditor = await t.caller({ userId: (await staffOf(org, 'auditor')).id });
    expect((await auditor.staff.quotes.list()).map((q) => q.id)).toEqual([quote.id]);

    const stranger = await t.caller({ userId: (await staffOf(await createOrg(t.db), 'owner')).id });
    expect(await stranger.staff.quotes.list()).toEqual([]);
    for (const call of [
      () => stranger.staff.quotes.get({ quoteId: quote.id }),
      () => stranger.staff.quotes.send({ quoteId: quote.id }),
      () => stranger.staff.quotes.withdraw({ quoteId: quote.id }),
    ])
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const fixture = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 1 });
    await expect(
      stranger.staff.quotes.create({
        contact,
        inventory: { occurrenceId: fixture.occurrence.id, seatIds: [at(fixture.seats, 0).id] },
        validUntil: inAWeek(),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an empty offer and a validity in the past, saving nothing', async () => {
    const org = await createOrg(t.db);
    const agent = await t.caller({ userId: (await staffOf(org, 'agent')).id });
    await expect(
      agent.staff.quotes.create({ contact, validUntil: inAWeek() }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      agent.staff.quotes.create({
        contact,
        customLines: [{ description: 'Catering', amount: 5000 }],
        validUntil: new Date(Date.now() - DAY_MS),
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('valid') as unknown,
    });
    expect(await agent.staff.quotes.list()).toEqual([]);
  });
});

describe('quotes.accept', () => {
  it('books at the quoted total with the custom line and markup, on the agent channel, and pays on Stripe', async () => {
    const { occurrence, token, quote } = await sentSeatQuote();
    const customer = await t.caller({ payments: s.provider });
    const offer = await customer.quotes.byToken({ token });
    expect(offer).toMatchObject({
      reference: quote.reference,
      status: 'sent',
      total: { amount: 12705 },
    });
    expect(offer).not.toHaveProperty('id');

    const accepted = await customer.quotes.accept({ token });
    expect(accepted).toMatchObject({
      status: 'pending_payment',
      total: { amount: 12705, currency: 'EUR' },
    });
    expect(accepted.paymentUrl).toContain(`${s.simulator.url}/pay/`);
    const booking = await t.db
      .selectFrom('bookings')
      .select(['id', 'channel', 'subtotalAmount', 'discountAmount', 'totalAmount', 'status'])
      .where('reference', '=', accepted.reference)
      .executeTakeFirstOrThrow();
    expect(booking).toMatchObject({
      channel: 'agent',
      subtotalAmount: 12705,
      discountAmount: 0,
      totalAmount: 12705,
    });
    const items = await t.db
      .selectFrom('bookingItems')
      .select(['kind', 'description', 'totalAmount'])
      .where('bookingId', '=', booking.id)
      .orderBy('position')
      .execute();
    expect(items.map((item) => [item.kind, item.totalAmount])).toEqual([
      ['seat', 4500],
      ['seat', 4500],
      ['custom', 2550],
      ['custom', 1155],
    ]);
    expect(items.reduce((sum, item) => sum + item.totalAmount, 0)).toBe(booking.totalAmount);

    await s.control(`sessions/${accepted.paymentUrl?.split('/pay/')[1] ?? ''}/pay`);
    const paid = await t.db
      .selectFrom('bookings')
      .select(['status', 'paidAmount'])
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    expect(paid).toEqual({ status: 'confirmed', paidAmount: 12705 });
    const seats = await t.db
      .selectFrom('occurrenceSeats')
      .select('status')
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '=', 'sold')
      .execute();
    expect(seats).toHaveLength(2);
  });

  it('makes one booking when the same quote is accepted twice at once', async () => {
    const { token, org } = await sentSeatQuote();
    const results = await Promise.all(
      Array.from({ length: 6 }, async () =>
        (await t.caller({ payments: s.provider })).quotes.accept({ token }),
      ),
    );
    expect(new Set(results.map((result) => result.reference)).size).toBe(1);
    const bookings = await t.db
      .selectFrom('bookings')
      .select('id')
      .where('orgId', '=', org.id)
      .execute();
    expect(bookings).toHaveLength(1);
  });

  it('shares a discount across the lines so they add up to the total', async () => {
    const { org, occurrence, ticketType } = await generalAdmission(t.db, { quota: 10 });
    const agent = await t.caller({ userId: (await staffOf(org, 'agent')).id });
    const quote = await agent.staff.quotes.create({
      contact,
      inventory: {
        occurrenceId: occurrence.id,
        tickets: [{ ticketTypeId: ticketType.id, quantity: 3 }],
      },
      customLines: [{ description: 'Coach transfer', amount: 1000 }],
      adjustment: { kind: 'fixed', value: -1500 },
      validUntil: inAWeek(),
    });
    expect(quote.total.amount).toBe(3 * 2000 + 1000 - 1500);
    const { offerUrl } = await agent.staff.quotes.send({ quoteId: quote.id });
    const accepted = await (await t.caller()).quotes.accept({ token: tokenOf(offerUrl) });
    const booking = await t.db
      .selectFrom('bookings')
      .select(['id', 'subtotalAmount', 'discountAmount', 'totalAmount'])
      .where('reference', '=', accepted.reference)
      .executeTakeFirstOrThrow();
    expect(booking).toMatchObject({
      subtotalAmount: 7000,
      discountAmount: 1500,
      totalAmount: 5500,
    });
    const items = await t.db
      .selectFrom('bookingItems')
      .select(['totalAmount', 'discountAmount'])
      .where('bookingId', '=', booking.id)
      .execute();
    expect(items.reduce((sum, item) => sum + item.totalAmount, 0)).toBe(5500);
    expect(items.reduce((sum, item) => sum + item.discountAmount, 0)).toBe(1500);
  });

  it('refuses an expired or withdrawn offer, and says so when its places are gone', async () => {
    const expired = await sentSeatQuote();
    await sql`UPDATE quotes SET expires_at = now() - interval '1 minute' WHERE id = ${expired.quote.id}`.execute(
      t.db,
    );
    const customer = await t.caller();
    expect((await customer.quotes.byToken({ token: expired.token })).status).toBe('expired');
    await expect(customer.quotes.accept({ token: expired.token })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('expired') as unknown,
    });

    const withdrawn = await sentSeatQuote();
    await withdrawn.agent.staff.quotes.withdraw({ quoteId: withdrawn.quote.id });
    await expect(customer.quotes.accept({ token: withdrawn.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const gone = await sentSeatQuote();
    const other = await t.caller({ engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } });
    await other.holds.create({ occurrenceId: gone.occurrence.id, seatIds: [at(gone.seats, 1).id] });
    await expect(customer.quotes.accept({ token: gone.token })).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'Some of the places in this offer are no longer available. Ask the organiser for a new offer.',
    });
    // Nothing was kept of the failed acceptance: seat 1 is still free, the quote still open.
    expect((await customer.quotes.byToken({ token: gone.token })).status).toBe('sent');
    const seat = await t.db
      .selectFrom('occurrenceSeats')
      .select('status')
      .where('seatId', '=', at(gone.seats, 0).id)
      .executeTakeFirstOrThrow();
    expect(seat.status).toBe('free');
  });
});
