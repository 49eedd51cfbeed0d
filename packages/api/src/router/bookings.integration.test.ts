import { randomUUID } from 'node:crypto';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createPromoCode,
  createTaxRate,
  createTicketType,
  createUser,
} from '@tessera/db/seed';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at, generalAdmission, seatedOccurrence } from '../testing/engine-fixtures';

let t: ApiTest;
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };
const contact = { name: 'Amel Haddad', email: 'amel@example.test' };
const key = () => `key-${randomUUID()}`;

beforeAll(async () => {
  t = await setupApiTest({ poolSize: 24 });
});
afterAll(() => t.close());

const bookingsOfHold = async (holdId: string) =>
  (await t.db.selectFrom('bookings').select('id').where('holdId', '=', holdId).execute()).length;

describe('bookings.checkout', () => {
  it('confirms a free booking at once: units sold, one ticket each, confirmation in the outbox', async () => {
    const { occurrence, ticketType } = await generalAdmission(t.db, { priceAmount: 0 });
    const api = await t.caller(noLimits);
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity: 2 }],
    });
    const result = await api.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: key(),
      contact,
    });
    expect(result).toMatchObject({
      status: 'confirmed',
      total: { amount: 0, currency: 'EUR' },
      payment: null,
    });

    const booking = await api.bookings.byReference({
      reference: result.reference,
      email: 'AMEL@example.test',
    });
    expect(booking.tickets).toHaveLength(2);
    const sold = await t.db
      .selectFrom('ticketUnits')
      .select('status')
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '=', 'sold')
      .execute();
    expect(sold).toHaveLength(2);
    const { id } = await t.db
      .selectFrom('bookings')
      .select('id')
      .where('reference', '=', result.reference)
      .executeTakeFirstOrThrow();
    const outbox = await t.db
      .selectFrom('outbox')
      .select('eventType')
      .where('aggregateId', '=', id)
      .execute();
    expect(outbox.map((row) => row.eventType)).toEqual(['booking.confirmed']);
  });

  it('puts a paid booking in pending payment with pay-at-venue instructions, keeping its seats until the start', async () => {
    const { occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 3 });
    const api = await t.caller(noLimits);
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      seatIds: [at(seats, 0).id],
    });
    const result = await api.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: key(),
      contact,
    });
    expect(result).toMatchObject({
      status: 'pending_payment',
      total: { amount: 4500 },
      payment: {
        provider: 'offline',
        status: 'pending',
        redirectUrl: null,
        dueAt: occurrence.startsAt,
      },
    });
    expect(result.payment?.instructions).toContain('Pay at the venue');
    const seat = await t.db
      .selectFrom('occurrenceSeats')
      .select(['status', 'heldUntil'])
      .where('seatId', '=', at(seats, 0).id)
      .executeTakeFirstOrThrow();
    expect(seat).toEqual({ status: 'held', heldUntil: occurrence.startsAt });
    await expect(
      api.bookings.checkout({ holdId: hold.holdId, idempotencyKey: key(), contact }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `This hold is already booked as ${result.reference}.`,
    });
  });

  it('answers a retried checkout with the first result and creates one booking', async () => {
    const { occurrence, ticketType } = await generalAdmission(t.db);
    const api = await t.caller(noLimits);
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }],
    });
    const request = { holdId: hold.holdId, idempotencyKey: key(), contact };
    const [first, second] = await Promise.all([
      api.bookings.checkout(request),
      api.bookings.checkout(request),
    ]);
    expect(second).toEqual(first);
    expect(await bookingsOfHold(hold.holdId)).toBe(1);
  });

  it('refuses an expired hold with HOLD_EXPIRED and changes nothing', async () => {
    const { occurrence, ticketType } = await generalAdmission(t.db);
    const api = await t.caller(noLimits);
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }],
    });
    await sql`UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = ${hold.holdId}`.execute(
      t.db,
    );
    await expect(
      api.bookings.checkout({ holdId: hold.holdId, idempotencyKey: key(), contact }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'HOLD_EXPIRED' },
    });
    expect(await bookingsOfHold(hold.holdId)).toBe(0);
    const holdRow = await t.db
      .selectFrom('holds')
      .select('status')
      .where('id', '=', hold.holdId)
      .executeTakeFirstOrThrow();
    expect(holdRow.status).toBe('active');
  });

  it('redeems a promo code with a limit of 5 exactly 5 times under 50 racing checkouts', async () => {
    const { org, offering, occurrence, ticketType } = await generalAdmission(t.db, { quota: 60 });
    await createPromoCode(t.db, {
      org,
      offering,
      code: 'RACE5',
      discountKind: 'percent_bp',
      discountValue: 1000,
      maxRedemptions: 5,
    });
    const holds = await Promise.all(
      Array.from({ length: 50 }, async () =>
        (await t.caller(noLimits)).holds.create({
          occurrenceId: occurrence.id,
          tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }],
        }),
      ),
    );
    const results = await Promise.allSettled(
      holds.map(async (hold) =>
        (await t.caller()).bookings.checkout({
          holdId: hold.holdId,
          idempotencyKey: key(),
          contact,
          promoCode: 'race5',
        }),
      ),
    );
    const booked = results.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    expect(booked).toHaveLength(5);
    expect(booked.every((booking) => booking.total.amount === 1800)).toBe(true);
    for (const result of results) {
      if (result.status === 'rejected')
        expect(result.reason).toMatchObject({ message: 'The code RACE5 has been fully used.' });
    }
    const promo = await t.db
      .selectFrom('promoCodes')
      .select('redeemedCount')
      .where('code', '=', 'RACE5')
      .executeTakeFirstOrThrow();
    expect(promo.redeemedCount).toBe(5);
  });

  it('asks for each passenger on a trip, and refuses an unknown promo code', async () => {
    const org = await createOrg(t.db);
    const trip = await createOffering(t.db, { org, kind: 'trip' });
    const fare = await createTicketType(t.db, { offering: trip, quotaPerOccurrence: 10 });
    const departure = await createOccurrence(t.db, { offering: trip });
    const api = await t.caller(noLimits);
    const hold = await api.holds.create({
      occurrenceId: departure.id,
      tickets: [{ ticketTypeId: fare.id, quantity: 2 }],
    });
    await expect(
      api.bookings.checkout({ holdId: hold.holdId, idempotencyKey: key(), contact }),
    ).rejects.toMatchObject({
      message: 'Give the name of each passenger or attendee.',
    });
    await expect(
      api.bookings.checkout({
        holdId: hold.holdId,
        idempotencyKey: key(),
        contact,
        attendees: [{ name: 'One' }],
      }),
    ).rejects.toMatchObject({ message: 'Give one attendee for each of the 2 places.' });
    await expect(
      api.bookings.checkout({
        holdId: hold.holdId,
        idempotencyKey: key(),
        contact,
        attendees: [{ name: 'One' }, { name: 'Two' }],
        promoCode: 'NOPE1',
      }),
    ).rejects.toMatchObject({ cause: { code: 'PROMO_INVALID' } });
    const booked = await api.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: key(),
      contact,
      attendees: [{ name: 'One' }, { name: 'Two' }],
    });
    expect(booked.status).toBe('pending_payment');
  });

  it('names each bad field by its path, so a form shows it under its input', async () => {
    const { status, body } = await t.http('bookings.checkout', {
      holdId: '00000000-0000-4000-8000-000000000000',
      idempotencyKey: key(),
      contact: { name: '', email: 'nope' },
      attendees: [{ name: 'Ada' }, { name: '' }],
    });
    expect(status).toBe(400);
    expect(Object.keys(body.error?.json.data.fieldErrors ?? {}).sort()).toEqual([
      'attendees.1.name',
      'contact.email',
      'contact.name',
    ]);
    expect(body.error?.json.message).toMatch(/^Invalid input: contact\.name: /);
  });
});

describe('holds.price', () => {
  it('quotes promo and exclusive tax as checkout then charges them, lines adding up to the total', async () => {
    const { org, offering, occurrence, ticketType } = await generalAdmission(t.db);
    const vat = await createTaxRate(t.db, {
      org,
      name: 'VAT',
      rateBasisPoints: 2000,
      inclusive: false,
    });
    await t.db
      .updateTable('offerings')
      .set({ taxRateId: vat.id })
      .where('id', '=', offering.id)
      .execute();
    await createPromoCode(t.db, {
      org,
      code: 'TENOFF',
      discountKind: 'percent_bp',
      discountValue: 1000,
    });
    const api = await t.caller(noLimits);
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity: 2 }],
    });

    expect(await api.holds.price({ holdId: hold.holdId })).toMatchObject({
      subtotal: 4000,
      discount: 0,
      tax: 800,
      total: 4800,
    });
    const quote = await api.holds.price({ holdId: hold.holdId, promoCode: 'tenoff' });
    expect(quote).toMatchObject({
      subtotal: 4000,
      discount: 400,
      tax: 720,
      total: 4320,
      taxInclusive: false,
      currency: 'EUR',
    });
    await expect(
      api.holds.price({ holdId: hold.holdId, promoCode: 'WRONG' }),
    ).rejects.toMatchObject({ cause: { code: 'PROMO_INVALID' } });

    const booked = await api.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: key(),
      contact,
      promoCode: 'TENOFF',
    });
    expect(booked.total.amount).toBe(4320);
    const items = await t.db
      .selectFrom('bookingItems')
      .innerJoin('bookings', 'bookings.id', 'bookingItems.bookingId')
      .select(['bookingItems.totalAmount', 'bookingItems.discountAmount', 'bookingItems.taxAmount'])
      .where('bookings.reference', '=', booked.reference)
      .execute();
    expect(items.reduce((sum, item) => sum + item.totalAmount, 0)).toBe(4320);
  });
});

describe('bookings.cancel, byReference and mine', () => {
  it('cancels within policy: places back on sale, tickets void, the cancellation in the outbox', async () => {
    const { occurrence, ticketType } = await generalAdmission(t.db, { priceAmount: 0 });
    const api = await t.caller(noLimits);
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity: 2 }],
    });
    const { reference } = await api.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: key(),
      contact,
    });

    await expect(
      api.bookings.cancel({ reference, email: 'someone.else@example.test' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await api.bookings.cancel({ reference, email: contact.email })).toEqual({
      reference,
      refundRequested: false,
    });
    const booking = await api.bookings.byReference({ reference, email: contact.email });
    expect(booking.status).toBe('cancelled');
    expect(booking.cancellation.allowed).toBe(false);
    const units = await t.db
      .selectFrom('ticketUnits')
      .select('status')
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '<>', 'free')
      .execute();
    expect(units).toEqual([]);
    const tickets = await t.db
      .selectFrom('tickets')
      .innerJoin('bookings', 'bookings.id', 'tickets.bookingId')
      .select('tickets.status')
      .where('bookings.reference', '=', reference)
      .execute();
    expect(tickets.map((ticket) => ticket.status)).toEqual(['void', 'void']);
    await expect(api.bookings.cancel({ reference, email: contact.email })).rejects.toMatchObject({
      message: 'This booking is already cancelled.',
    });
  });

  it('refuses to cancel after the cut-off, and frees a pending booking’s held seats when cancelled in time', async () => {
    const late = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 2 });
    await t.db
      .updateTable('offerings')
      .set({ cancellationCutoffHours: 24 * 365 })
      .where('id', '=', late.offering.id)
      .execute();
    const api = await t.caller(noLimits);
    const lateHold = await api.holds.create({
      occurrenceId: late.occurrence.id,
      seatIds: [at(late.seats, 0).id],
    });
    const lateBooking = await api.bookings.checkout({
      holdId: lateHold.holdId,
      idempotencyKey: key(),
      contact,
    });
    await expect(
      api.bookings.cancel({ reference: lateBooking.reference, email: contact.email }),
    ).rejects.toMatchObject({
      message: 'This booking can no longer be cancelled online. Please contact the organiser.',
    });

    const { occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 2 });
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      seatIds: [at(seats, 1).id],
    });
    const pending = await api.bookings.checkout({
      holdId: hold.holdId,
      idempotencyKey: key(),
      contact,
    });
    await api.bookings.cancel({ reference: pending.reference, email: contact.email });
    const seat = await t.db
      .selectFrom('occurrenceSeats')
      .select(['status', 'holdId'])
      .where('seatId', '=', at(seats, 1).id)
      .executeTakeFirstOrThrow();
    expect(seat).toEqual({ status: 'free', holdId: null });
  });

  it("lists a signed-in customer's own bookings only", async () => {
    const { occurrence, ticketType } = await generalAdmission(t.db, { priceAmount: 0 });
    const [mine, theirs] = [await createUser(t.db), await createUser(t.db)];
    for (const user of [mine, theirs]) {
      const api = await t.caller({ ...noLimits, userId: user.id });
      const hold = await api.holds.create({
        occurrenceId: occurrence.id,
        tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }],
      });
      await api.bookings.checkout({
        holdId: hold.holdId,
        idempotencyKey: key(),
        contact: { name: user.name, email: user.email },
      });
    }
    const list = await (await t.caller({ userId: mine.id })).bookings.mine();
    expect(list.map((booking) => booking.contact.email)).toEqual([mine.email]);
    await expect((await t.caller()).bookings.mine()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('waitlist.join', () => {
  it('takes names only when sold out, once per email', async () => {
    const { occurrence, ticketType } = await generalAdmission(t.db, { quota: 2 });
    const api = await t.caller(noLimits);
    await expect(
      api.waitlist.join({ occurrenceId: occurrence.id, quantity: 1, email: 'wait@example.test' }),
    ).rejects.toMatchObject({
      message: '2 places are still on sale: book them now instead.',
    });
    await api.holds.create({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity: 2 }],
    });
    const first = await api.waitlist.join({
      occurrenceId: occurrence.id,
      quantity: 1,
      email: 'wait@example.test',
    });
    const again = await api.waitlist.join({
      occurrenceId: occurrence.id,
      quantity: 1,
      email: 'WAIT@example.test',
    });
    const second = await api.waitlist.join({
      occurrenceId: occurrence.id,
      quantity: 2,
      email: 'next@example.test',
    });
    expect(again).toEqual(first);
    expect([first.position, second.position]).toEqual([1, 2]);
  });
});
