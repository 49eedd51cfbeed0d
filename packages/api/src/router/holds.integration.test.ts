import { createAddOn } from '@tessera/db/seed';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireHolds } from '../domain/holds/expire';
import { setupApiTest, type ApiTest } from '../testing/api-test';
import { at, generalAdmission, seatedOccurrence } from '../testing/engine-fixtures';

let t: ApiTest;
const noLimits = { engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 } };
const noEvents = { events: { changed: () => undefined } };

beforeAll(async () => {
  // Racing buyers share this pool: at most 32 transactions truly in flight at once (the
  // server allows 100 connections in all, and other test files run alongside).
  t = await setupApiTest({ poolSize: 32 });
});
afterAll(() => t.close());

describe('holds.create on seats', () => {
  it('holds the chosen seats with their price and an expiry, and shows them held', async () => {
    const { occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 4 });
    const api = await t.caller(noLimits);
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      seatIds: [at(seats, 0).id, at(seats, 1).id],
    });
    expect(hold).toMatchObject({
      status: 'active',
      occurrenceId: occurrence.id,
      total: { amount: 9000, currency: 'EUR' },
    });
    expect(hold.items.map((item) => item.description)).toEqual([
      'Stalls, Row A, Seat 1 (Standard)',
      'Stalls, Row A, Seat 2 (Standard)',
    ]);
    expect(hold.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(await api.holds.get({ holdId: hold.holdId })).toEqual(hold);
  });

  it('refuses a seat someone holds, naming it, and keeps nothing of the attempt', async () => {
    const { occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 4 });
    const api = await t.caller(noLimits);
    await api.holds.create({ occurrenceId: occurrence.id, seatIds: [at(seats, 1).id] });
    await expect(
      api.holds.create({
        occurrenceId: occurrence.id,
        seatIds: [at(seats, 0).id, at(seats, 1).id],
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'One of your seats was just taken. Please choose another.',
      cause: { code: 'SEAT_TAKEN', details: { seatIds: [at(seats, 1).id] } },
    });
    const free = await t.db
      .selectFrom('occurrenceSeats')
      .select('seatId')
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '=', 'free')
      .execute();
    expect(free.map((row) => row.seatId).sort()).toEqual(
      [at(seats, 0).id, at(seats, 2).id, at(seats, 3).id].sort(),
    );
  });

  it('holds an accessible place only for a customer who says they need one', async () => {
    const { occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 3 });
    const wheelchair = at(seats, 0).id;
    await t.db
      .updateTable('seats')
      .set({ accessible: true })
      .where('id', '=', wheelchair)
      .execute();
    const api = await t.caller(noLimits);
    const request = { occurrenceId: occurrence.id, seatIds: [wheelchair, at(seats, 1).id] };

    await expect(api.holds.create(request)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Row A, seat 1 is an accessible place. Book it only if you need one, and say so.',
      cause: { code: 'ACCESSIBLE_SEAT', details: { seatIds: [wheelchair] } },
    });
    const held = await t.db
      .selectFrom('occurrenceSeats')
      .select('seatId')
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '<>', 'free')
      .execute();
    expect(held).toEqual([]);

    const hold = await api.holds.create({ ...request, accessibleSeating: true });
    expect(hold.items).toHaveLength(2);
    // Taken outranks accessible, as on every path: the customer is told the seat is gone.
    await expect(api.holds.create({ ...request, seatIds: [wheelchair] })).rejects.toMatchObject({
      cause: { code: 'SEAT_TAKEN' },
    });
  });

  it('reclaims a seat whose hold expired, with no worker running', async () => {
    const { occurrence, seats } = await seatedOccurrence(t.db, { rows: 1, seatsPerRow: 2 });
    const api = await t.caller(noLimits);
    const first = await api.holds.create({
      occurrenceId: occurrence.id,
      seatIds: [at(seats, 0).id],
    });
    await sql`UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = ${first.holdId}`.execute(
      t.db,
    );
    await sql`UPDATE occurrence_seats SET held_until = now() - interval '1 second' WHERE hold_id = ${first.holdId}`.execute(
      t.db,
    );

    const second = await api.holds.create({
      occurrenceId: occurrence.id,
      seatIds: [at(seats, 0).id],
    });
    expect(second.status).toBe('active');
    expect((await api.holds.get({ holdId: first.holdId })).status).toBe('expired');
    // The tidy-up job later marks the first hold expired without touching the seat it lost.
    expect(await expireHolds(t.db, noEvents)).toBeGreaterThanOrEqual(1);
    const seat = await t.db
      .selectFrom('occurrenceSeats')
      .select(['status', 'holdId'])
      .where('seatId', '=', at(seats, 0).id)
      .executeTakeFirstOrThrow();
    expect(seat).toEqual({ status: 'held', holdId: second.holdId });
    const outbox = await t.db
      .selectFrom('outbox')
      .select('eventType')
      .where('aggregateId', '=', first.holdId)
      .execute();
    expect(outbox.map((row) => row.eventType).sort()).toEqual([
      'hold.expired',
      'inventory.released',
    ]);
  });

  it('takes free units first, then units of lapsed holds, on both claim paths', async () => {
    const { occurrence, ticketType } = await generalAdmission(t.db, { quota: 4 });
    const api = await t.caller(noLimits);
    const tickets = (quantity: number) => ({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity }],
    });
    const lapse = (holdId: string) =>
      sql`UPDATE ticket_units SET held_until = now() - interval '1 second' WHERE hold_id = ${holdId}`.execute(
        t.db,
      );
    const first = await api.holds.create(tickets(3));
    await expect(api.holds.create(tickets(2))).rejects.toMatchObject({
      cause: { code: 'SOLD_OUT' },
    });
    await lapse(first.holdId);
    // One free unit and one of the lapsed hold's (the one-statement path, no idempotency key).
    const second = await api.holds.create(tickets(2));
    // The last two lapsed units, through the transactional path (an idempotency key).
    const third = await api.holds.create({ ...tickets(2), idempotencyKey: crypto.randomUUID() });
    await expect(api.holds.create(tickets(1))).rejects.toMatchObject({
      cause: { code: 'SOLD_OUT' },
    });
    const owners = await t.db
      .selectFrom('ticketUnits')
      .select((eb) => ['holdId', eb.fn.countAll<number>().as('units')])
      .where('occurrenceId', '=', occurrence.id)
      .groupBy('holdId')
      .execute();
    expect(Object.fromEntries(owners.map((row) => [row.holdId, Number(row.units)]))).toEqual({
      [second.holdId]: 2,
      [third.holdId]: 2,
    });
  });

  it('500 buyers racing for random seats of a 100-seat date: every seat held once, nothing oversold', async () => {
    const { occurrence, seats } = await seatedOccurrence(t.db, { rows: 10, seatsPerRow: 10 });
    const results = await Promise.allSettled(
      Array.from({ length: 500 }, async (_, buyer) => {
        const api = await t.caller({
          ...noLimits,
          headers: { 'x-forwarded-for': `10.0.${buyer >> 8}.${buyer & 255}` },
        });
        const picks = new Set(
          Array.from(
            { length: 1 + (buyer % 3) },
            () => at(seats, Math.floor(Math.random() * seats.length)).id,
          ),
        );
        return api.holds.create({ occurrenceId: occurrence.id, seatIds: [...picks] });
      }),
    );
    const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const refusals = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as { cause?: { code?: string } }] : [],
    );
    expect(refusals.every((reason) => reason.cause?.code === 'SEAT_TAKEN')).toBe(true);

    const heldSeatIds = won.flatMap((hold) => hold.items.map((item) => item.seatId));
    expect(new Set(heldSeatIds).size).toBe(heldSeatIds.length);
    const rows = await t.db
      .selectFrom('occurrenceSeats')
      .select(['seatId', 'holdId', 'status'])
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '=', 'held')
      .execute();
    expect(rows.map((row) => row.seatId).sort()).toEqual([...heldSeatIds].sort());
    const itemsPerSeat = await sql<{ seatId: string; n: number }>`
      SELECT hi.seat_id, count(*)::int AS n FROM hold_items hi JOIN holds h ON h.id = hi.hold_id
      WHERE h.occurrence_id = ${occurrence.id} AND h.status = 'active' GROUP BY hi.seat_id HAVING count(*) > 1
    `.execute(t.db);
    expect(itemsPerSeat.rows).toEqual([]);
    expect(won.length).toBeGreaterThan(0);
  });
});

describe('holds.create on general admission', () => {
  it('300 racers for a quota of 50 with 1-3 tickets each: held never exceeds 50', async () => {
    const { occurrence, ticketType } = await generalAdmission(t.db, { quota: 50 });
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, async (_, buyer) => {
        const api = await t.caller({
          ...noLimits,
          headers: { 'x-forwarded-for': `10.1.${buyer >> 8}.${buyer & 255}` },
        });
        return api.holds.create({
          occurrenceId: occurrence.id,
          tickets: [{ ticketTypeId: ticketType.id, quantity: 1 + (buyer % 3) }],
        });
      }),
    );
    const held = results.reduce(
      (sum, result) =>
        sum + (result.status === 'fulfilled' ? (result.value.items[0]?.quantity ?? 0) : 0),
      0,
    );
    const units = await t.db
      .selectFrom('ticketUnits')
      .select((eb) => [eb.fn.countAll<number>().as('n'), 'status'])
      .where('occurrenceId', '=', occurrence.id)
      .groupBy('status')
      .execute();
    const heldUnits = units.find((row) => row.status === 'held')?.n ?? 0;
    expect(heldUnits).toBe(held);
    expect(held).toBeLessThanOrEqual(50);
    // With 300 buyers for 50 units the quota is sold out but for at most a last unit or two
    // that no remaining buyer's quantity fitted.
    expect(held).toBeGreaterThanOrEqual(48);
    for (const result of results) {
      if (result.status === 'rejected')
        expect((result.reason as { cause?: { code?: string } }).cause?.code).toBe('SOLD_OUT');
    }
  });

  it('enforces per-order limits and add-on stock, and changes nothing when refused', async () => {
    const { offering, occurrence, ticketType } = await generalAdmission(t.db, {
      quota: 20,
      maxPerOrder: 4,
    });
    const addOn = await createAddOn(t.db, {
      offering,
      name: 'Tote bag',
      priceAmount: 1200,
      stock: 1,
      maxPerOrder: 2,
    });
    const api = await t.caller(noLimits);
    await expect(
      api.holds.create({
        occurrenceId: occurrence.id,
        tickets: [{ ticketTypeId: ticketType.id, quantity: 5 }],
      }),
    ).rejects.toMatchObject({
      cause: { code: 'LIMIT_EXCEEDED' },
    });
    const hold = await api.holds.create({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity: 2 }],
      addOns: [{ addOnId: addOn.id, quantity: 1 }],
    });
    expect(hold.total.amount).toBe(2 * 2000 + 1200);
    await expect(
      api.holds.create({
        occurrenceId: occurrence.id,
        tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }],
        addOns: [{ addOnId: addOn.id, quantity: 1 }],
      }),
    ).rejects.toMatchObject({ cause: { code: 'SOLD_OUT' }, message: 'Only 0 Tote bag left.' });
    const heldUnits = await t.db
      .selectFrom('ticketUnits')
      .select('unitNo')
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '=', 'held')
      .execute();
    expect(heldUnits).toHaveLength(2);

    await api.holds.release({ holdId: hold.holdId });
    const again = await api.holds.create({
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }],
      addOns: [{ addOnId: addOn.id, quantity: 1 }],
    });
    expect(again.status).toBe('active');
  });
});

describe('idempotency and anti-hoarding', () => {
  it('returns the first answer to a retried key and creates one hold', async () => {
    const { occurrence, ticketType } = await generalAdmission(t.db);
    const api = await t.caller(noLimits);
    const request = {
      idempotencyKey: 'retry-key-0001',
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity: 2 }],
    };
    const [first, second] = await Promise.all([
      api.holds.create(request),
      api.holds.create(request),
    ]);
    expect(second).toEqual(first);
    const holds = await t.db
      .selectFrom('holds')
      .select('id')
      .where('occurrenceId', '=', occurrence.id)
      .execute();
    expect(holds).toHaveLength(1);
    await expect(
      api.holds.create({ ...request, tickets: [{ ticketTypeId: ticketType.id, quantity: 3 }] }),
    ).rejects.toMatchObject({
      cause: { code: 'IDEMPOTENCY_MISMATCH' },
    });
  });

  it('caps live holds per client and rate-limits holds.create per minute', async () => {
    const { occurrence, ticketType } = await generalAdmission(t.db);
    const request = {
      occurrenceId: occurrence.id,
      tickets: [{ ticketTypeId: ticketType.id, quantity: 1 }],
    };
    const capped = await t.caller({
      engine: { maxLiveHoldsPerClient: 2, holdsPerMinute: 0 },
      headers: { 'x-forwarded-for': '192.0.2.10' },
    });
    await capped.holds.create(request);
    await capped.holds.create(request);
    await expect(capped.holds.create(request)).rejects.toMatchObject({
      cause: { code: 'LIMIT_EXCEEDED' },
    });

    const limited = await t.caller({
      engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 2 },
      headers: { 'x-forwarded-for': `rate-test-${crypto.randomUUID()}` },
    });
    await limited.holds.create(request);
    await limited.holds.create(request);
    await expect(limited.holds.create(request)).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      cause: { code: 'RATE_LIMITED' },
    });
  });
});
