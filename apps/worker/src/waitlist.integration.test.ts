import type { StaffMember } from '@tessera/api/domain/access/membership';
import { moveBooking } from '@tessera/api/domain/booking-desk/move';
import { cancelBooking } from '@tessera/api/domain/bookings/cancel';
import { checkout } from '@tessera/api/domain/bookings/checkout';
import { markOfflinePaymentPaid } from '@tessera/api/domain/bookings/mark-paid';
import type { InventoryEvents } from '@tessera/api/domain/events/inventory';
import { createHold } from '@tessera/api/domain/holds/create';
import { releaseHold } from '@tessera/api/domain/holds/release';
import { offlinePayments } from '@tessera/api/domain/payments/offline';
import { joinWaitlist } from '@tessera/api/domain/waitlist/join';
import { advanceWaitlist } from '@tessera/api/domain/waitlist/offers';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createSeatMap,
  createTicketType,
  createVenue,
} from '@tessera/db/seed';
import { createTestDatabase, testEnv, type TestDatabase } from '@tessera/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startJobs, type RunningJobs } from './jobs';
import { createSmtpTransport, type SmtpTransport } from './mailer';
import { createRedisConnection } from './redis';
import { quietLog, startSmtpPeer, uniquePrefix, type SmtpPeer } from './test-support';

const redisUrl = testEnv.TEST_REDIS_URL;
const prefix = uniquePrefix('waitlist');
const offers = { offerMinutes: 45, siteUrl: 'https://tickets.example.test' };
const events: InventoryEvents = { changed: () => undefined };
const customer = { clientKey: 'user:waitlist-test', userId: null, source: 'customer' as const };
const holdDeps = { events, policy: { maxLiveHoldsPerClient: 0 } };

let testDb: TestDatabase;
let smtp: SmtpPeer;
let transport: SmtpTransport;
let jobs: RunningJobs;

beforeAll(async () => {
  testDb = await createTestDatabase({ poolSize: 6 });
  smtp = await startSmtpPeer();
  transport = createSmtpTransport(smtp.url, 'Harbour Arts <tickets@harbour.test>');
  jobs = await startJobs({
    db: testDb.db,
    redisUrl,
    prefix,
    transport,
    payments: { stripe: null, provider: offlinePayments },
    log: quietLog,
    holdExpiryEveryMs: 200,
    relayPollIntervalMs: 50,
    waitlistOffers: offers,
  });
});

afterAll(async () => {
  await jobs.close();
  transport.close();
  const redis = createRedisConnection(redisUrl, 'worker', quietLog);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await smtp.close();
  await testDb.drop();
});

const offerMails = (to: string) =>
  smtp.received.filter(
    (mail) =>
      mail.to &&
      'text' in mail.to &&
      mail.to.text === to &&
      mail.subject?.startsWith('Places are free'),
  );

async function entry(id: string) {
  return testDb.db
    .selectFrom('waitlistEntries')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function offeredHold(entryId: string) {
  const { offerHoldId } = await entry(entryId);
  if (!offerHoldId) throw new Error('no offer');
  const hold = await testDb.db
    .selectFrom('holds')
    .selectAll()
    .where('id', '=', offerHoldId)
    .executeTakeFirstOrThrow();
  const seats = await testDb.db
    .selectFrom('holdItems as hi')
    .innerJoin('seats as s', 's.id', 'hi.seatId')
    .select(['s.rowLabel', 's.number'])
    .where('hi.holdId', '=', hold.id)
    .orderBy('s.x')
    .execute();
  return { hold, seats: seats.map((seat) => `${seat.rowLabel}${seat.number}`) };
}

/** A sold-out concert: one row of five seats (A1..A5), all held by customers. */
async function soldOutConcert() {
  const org = await createOrg(testDb.db, { name: 'Harbour Arts', timeZone: 'America/New_York' });
  const venue = await createVenue(testDb.db, {
    org,
    name: 'Pier 17 Hall',
    timeZone: 'America/New_York',
  });
  const offering = await createOffering(testDb.db, {
    org,
    venue,
    name: 'Harbour Jazz Night',
    maxPerOrder: 10,
    cancellationCutoffHours: 24,
  });
  await createTicketType(testDb.db, { offering, name: 'Standard', seatCategory: 'standard' });
  const { seatMap, seats } = await createSeatMap(testDb.db, {
    org,
    venue,
    sections: [{ name: 'Stalls', rows: 1, seatsPerRow: 5, category: 'standard' }],
  });
  const occurrence = await createOccurrence(testDb.db, { offering, seatMap });
  const seatId = (number: string) => {
    const seat = seats.find((candidate) => candidate.number === number);
    if (!seat) throw new Error(`no seat ${number}`);
    return seat.id;
  };
  const hold = (numbers: string[]) =>
    createHold(
      testDb.db,
      { occurrenceId: occurrence.id, seatIds: numbers.map(seatId) },
      customer,
      holdDeps,
    );
  // A2 and A4 go to one customer: when they come back, no two free seats are side by side.
  const scattered = await hold(['2', '4']);
  const pair = await hold(['1', '3', '5']);
  return { occurrence, scattered, pair };
}

describe('waiting-list offers', () => {
  it('offers released seats to the first whose party fits, passes an unclaimed offer on, marks a booked one claimed and offers a cancellation’s seats', async () => {
    const { occurrence, scattered, pair } = await soldOutConcert();
    const join = (email: string, name: string, quantity: number) =>
      joinWaitlist(testDb.db, { occurrenceId: occurrence.id, email, name, quantity }, null);
    const ada = await join('ada@example.test', 'Ada', 2);
    const grace = await join('grace@example.test', 'Grace', 2);
    const alan = await join('alan@example.test', 'Alan', 2);
    const joan = await join('joan@example.test', 'Joan', 2);

    // Seats 1, 3 and 5 come back: Ada's party of 2 fits, not side by side (the only way).
    await releaseHold(testDb.db, pair.holdId, { events });
    await vi.waitFor(async () => expect((await entry(ada.entryId)).status).toBe('offered'), {
      timeout: 15_000,
      interval: 50,
    });
    const adaOffer = await offeredHold(ada.entryId);
    expect(adaOffer.seats).toEqual(['A1', 'A3']);
    expect(adaOffer.hold).toMatchObject({ status: 'active', source: 'waitlist' });
    const minutesLeft = (adaOffer.hold.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(44);
    expect(minutesLeft).toBeLessThanOrEqual(45);
    // One seat (A5) is left, not enough for the next party of 2.
    expect((await entry(grace.entryId)).status).toBe('waiting');

    await vi.waitFor(() => expect(offerMails('ada@example.test')).toHaveLength(1), {
      timeout: 15_000,
      interval: 50,
    });
    const [mail] = offerMails('ada@example.test');
    expect(mail?.subject).toBe('Places are free for you: Harbour Jazz Night');
    expect(mail?.text).toContain(
      `Book them here: https://tickets.example.test/checkout/${adaOffer.hold.id}`,
    );
    expect(mail?.text).toContain('(America/New_York)');

    // Seats 2 and 4 come back too: A4 and A5 side by side are Grace's.
    await releaseHold(testDb.db, scattered.holdId, { events });
    await vi.waitFor(async () => expect((await entry(grace.entryId)).status).toBe('offered'), {
      timeout: 15_000,
      interval: 50,
    });
    expect((await offeredHold(grace.entryId)).seats).toEqual(['A4', 'A5']);

    // Ada lets her offer run out: her entry lapses and her seats go to Alan.
    await testDb.db
      .updateTable('holds')
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where('id', '=', adaOffer.hold.id)
      .execute();
    await testDb.db
      .updateTable('occurrenceSeats')
      .set({ heldUntil: new Date(Date.now() - 1_000) })
      .where('holdId', '=', adaOffer.hold.id)
      .execute();
    await vi.waitFor(async () => expect((await entry(alan.entryId)).status).toBe('offered'), {
      timeout: 15_000,
      interval: 50,
    });
    expect((await entry(ada.entryId)).status).toBe('lapsed');
    expect((await offeredHold(alan.entryId)).seats).toEqual(['A1', 'A2']);
    await vi.waitFor(() => expect(offerMails('alan@example.test')).toHaveLength(1), {
      timeout: 15_000,
      interval: 50,
    });

    // Grace books hers: her entry is claimed.
    const graceHold = await offeredHold(grace.entryId);
    const booked = await checkout(
      testDb.db,
      {
        holdId: graceHold.hold.id,
        idempotencyKey: `grace-${graceHold.hold.id}`,
        contact: { name: 'Grace Hopper', email: 'grace@example.test' },
      },
      { userId: null, channel: 'web', apiKeyId: null, createdByUserId: null },
      { provider: offlinePayments, events },
    );
    expect(booked.status).toBe('pending_payment');
    await vi.waitFor(async () => expect((await entry(grace.entryId)).status).toBe('claimed'), {
      timeout: 15_000,
      interval: 50,
    });

    // Grace cancels: A4 and A5 come back, and with A3 (left over) Joan gets A3 and A4.
    expect((await entry(joan.entryId)).status).toBe('waiting');
    await cancelBooking(
      testDb.db,
      booked.reference,
      { kind: 'guest', email: 'grace@example.test' },
      { provider: offlinePayments, events },
    );
    await vi.waitFor(async () => expect((await entry(joan.entryId)).status).toBe('offered'), {
      timeout: 15_000,
      interval: 50,
    });
    expect((await offeredHold(joan.entryId)).seats).toEqual(['A3', 'A4']);
    expect((await entry(grace.entryId)).status).toBe('claimed');

    // One offer email each, whatever else happened to their entry.
    await vi.waitFor(
      () => {
        for (const name of ['ada', 'grace', 'alan', 'joan'])
          expect(offerMails(`${name}@example.test`)).toHaveLength(1);
      },
      { timeout: 15_000, interval: 50 },
    );
  });

  it('offers each free place once and each entry once when many rounds race on the same release', async () => {
    const org = await createOrg(testDb.db);
    const offering = await createOffering(testDb.db, { org, maxPerOrder: 10 });
    const ticketType = await createTicketType(testDb.db, {
      offering,
      name: 'Standing',
      quotaPerOccurrence: 4,
    });
    const occurrence = await createOccurrence(testDb.db, { offering, capacity: 4 });
    const tickets = (quantity: number) =>
      createHold(
        testDb.db,
        { occurrenceId: occurrence.id, tickets: [{ ticketTypeId: ticketType.id, quantity }] },
        customer,
        holdDeps,
      );
    const released = await tickets(3);
    await tickets(1);
    const entries = [];
    for (const name of ['one', 'two', 'three', 'four']) {
      entries.push(
        await joinWaitlist(
          testDb.db,
          { occurrenceId: occurrence.id, email: `${name}@example.test`, quantity: 1 },
          null,
        ),
      );
    }

    // The worker takes the release's events while eight more rounds run at once.
    await releaseHold(testDb.db, released.holdId, { events });
    await Promise.all(
      Array.from({ length: 8 }, () =>
        advanceWaitlist(testDb.db, occurrence.id, { ...offers, events }),
      ),
    );
    await vi.waitFor(
      async () => {
        const job = await jobs.queues.waitlist.getJobs(['waiting', 'active', 'delayed']);
        expect(job).toHaveLength(0);
      },
      { timeout: 15_000, interval: 50 },
    );

    const rows = await testDb.db
      .selectFrom('waitlistEntries')
      .select(['email', 'status', 'offerHoldId'])
      .where('occurrenceId', '=', occurrence.id)
      .orderBy('createdAt')
      .execute();
    expect(rows.map((row) => row.status)).toEqual(['offered', 'offered', 'offered', 'waiting']);
    const offerHolds = await testDb.db
      .selectFrom('holds')
      .select(['id', 'status'])
      .where('occurrenceId', '=', occurrence.id)
      .where('source', '=', 'waitlist')
      .execute();
    expect(offerHolds).toHaveLength(3);
    expect(new Set(rows.slice(0, 3).map((row) => row.offerHoldId))).toEqual(
      new Set(offerHolds.map((hold) => hold.id)),
    );
    const offerEvents = await testDb.db
      .selectFrom('outbox')
      .select('aggregateId')
      .where('eventType', '=', 'waitlist.offered')
      .where(
        'aggregateId',
        'in',
        entries.map((one) => one.entryId),
      )
      .execute();
    expect(offerEvents).toHaveLength(3);
    const { held } = await testDb.db
      .selectFrom('ticketUnits')
      .select((eb) => eb.fn.countAll<number>().as('held'))
      .where('occurrenceId', '=', occurrence.id)
      .where('status', '=', 'held')
      .executeTakeFirstOrThrow();
    expect(Number(held)).toBe(4);
  });

  it('offers the place a staff move freed on the date it left, as a cancellation does', async () => {
    const org = await createOrg(testDb.db, { name: 'Harbour Arts' });
    const offering = await createOffering(testDb.db, { org, name: 'Dock Dance', maxPerOrder: 10 });
    const standing = await createTicketType(testDb.db, {
      offering,
      name: 'Standing',
      quotaPerOccurrence: 1,
    });
    const first = await createOccurrence(testDb.db, { offering, capacity: 1 });
    const later = await createOccurrence(testDb.db, {
      offering,
      capacity: 1,
      startsAt: new Date(first.startsAt.getTime() + 7 * 24 * 3600_000),
    });
    const hold = await createHold(
      testDb.db,
      { occurrenceId: first.id, tickets: [{ ticketTypeId: standing.id, quantity: 1 }] },
      customer,
      holdDeps,
    );
    const booked = await checkout(
      testDb.db,
      {
        holdId: hold.holdId,
        idempotencyKey: `move-${hold.holdId}`,
        contact: { name: 'Noor', email: 'noor@example.test' },
      },
      { userId: null, channel: 'web', apiKeyId: null, createdByUserId: null },
      { provider: offlinePayments, events },
    );
    const desk: StaffMember = {
      orgId: org.id,
      role: 'manager',
      actor: { userId: null, apiKeyId: null, label: 'desk@harbour.test' },
    };
    await markOfflinePaymentPaid(testDb.db, booked.reference, desk, { events, requestId: 'paid' });
    // The first date is sold out: Ada waits for it.
    const ada = await joinWaitlist(
      testDb.db,
      { occurrenceId: first.id, email: 'ada.move@example.test', name: 'Ada', quantity: 1 },
      null,
    );
    expect((await entry(ada.entryId)).status).toBe('waiting');

    const { bookingItemId } = await testDb.db
      .selectFrom('bookingItems as bi')
      .innerJoin('bookings as b', 'b.id', 'bi.bookingId')
      .select('bi.id as bookingItemId')
      .where('b.reference', '=', booked.reference)
      .executeTakeFirstOrThrow();
    await moveBooking(
      testDb.db,
      {
        kind: 'tickets',
        reference: booked.reference,
        occurrenceId: later.id,
        tickets: [{ bookingItemId, ticketTypeId: standing.id }],
      },
      desk,
      { provider: offlinePayments, events, requestId: 'moved' },
    );

    await vi.waitFor(async () => expect((await entry(ada.entryId)).status).toBe('offered'), {
      timeout: 15_000,
      interval: 50,
    });
    const { offerHoldId } = await entry(ada.entryId);
    const offer = await testDb.db
      .selectFrom('ticketUnits')
      .select(['occurrenceId', 'status'])
      .where('holdId', '=', offerHoldId)
      .execute();
    expect(offer).toEqual([{ occurrenceId: first.id, status: 'held' }]);
    await vi.waitFor(() => expect(offerMails('ada.move@example.test')).toHaveLength(1), {
      timeout: 15_000,
      interval: 50,
    });
  });
});
