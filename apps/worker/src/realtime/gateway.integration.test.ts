import { randomUUID } from 'node:crypto';
import { redisInventoryEvents } from '@tessera/api/domain/events/inventory';
import { createHold } from '@tessera/api/domain/holds/create';
import { releaseHold } from '@tessera/api/domain/holds/release';
import { signRoomToken } from '@tessera/api/domain/realtime/room-token';
import {
  bookingRoom,
  occurrenceRoom,
  orgRoom,
  pushedSeatStatus,
  type PushedSeats,
} from '@tessera/api/realtime';
import { createTestDatabase, testEnv, type TestDatabase } from '@tessera/db/testing';
import {
  createOccurrence,
  createOffering,
  createOrg,
  createSeatMap,
  createTicketType,
  createVenue,
} from '@tessera/db/seed';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQueues } from '../jobs';
import { createRedisConnection } from '../redis';
import { createOutboxRelay } from '../relay';
import { addOutboxEvent, quietLog, uniquePrefix } from '../test-support';
import { startRealtimeGateway, type RealtimeGateway } from './gateway';
import { publishRelayed } from './relayed';
import { connectClient, joinRoom, recordEvents, type GatewayClient } from './test-clients';

const secret = 'realtime-test-secret-at-least-32-characters';
// Own keys and channels: other test files (and `pnpm dev`) share this Redis.
const prefix = uniquePrefix('realtime');
const inventoryChannel = `${prefix}:inventory`;
const relayedChannel = `${prefix}:relayed`;

let database: TestDatabase;
let publisher: Redis;
let gatewayA: RealtimeGateway;
let gatewayB: RealtimeGateway;
const clients: GatewayClient[] = [];

const startGateway = () =>
  startRealtimeGateway({
    db: database.db,
    redisUrl: testEnv.TEST_REDIS_URL,
    port: 0,
    host: '127.0.0.1',
    allowedOrigins: ['http://localhost:3000'],
    tokenSecret: secret,
    keyPrefix: prefix,
    inventoryChannel,
    relayedChannel,
    log: quietLog,
  });

async function client(gateway: RealtimeGateway): Promise<GatewayClient> {
  const socket = await connectClient(`http://127.0.0.1:${gateway.port}`);
  clients.push(socket);
  return socket;
}

/** A published concert with one row of `seats` seats. */
async function concert(seats = 30) {
  const org = await createOrg(database.db);
  const venue = await createVenue(database.db, { org });
  const offering = await createOffering(database.db, { org, venue, maxPerOrder: 10 });
  await createTicketType(database.db, { offering, name: 'Standard', seatCategory: 'standard' });
  const map = await createSeatMap(database.db, {
    org,
    venue,
    sections: [{ name: 'Stalls', rows: 1, seatsPerRow: seats, category: 'standard' }],
  });
  const occurrence = await createOccurrence(database.db, { offering, seatMap: map.seatMap });
  return { org, occurrence, seatIds: map.seats.map((seat) => seat.id) };
}

const events = () => redisInventoryEvents(publisher, inventoryChannel);
const hold = (occurrenceId: string, seatIds: string[]) =>
  createHold(
    database.db,
    { occurrenceId, seatIds },
    { clientKey: `test:${randomUUID()}`, userId: null, source: 'customer' },
    { events: events(), policy: { maxLiveHoldsPerClient: 0 } },
  );
/** Polls until no instance leads pushes for this date (its window ended with nothing pending). */
async function coalescerIdle(occurrenceId: string): Promise<void> {
  const lock = `${prefix}:availability:{${occurrenceId}}:lock`;
  for (let polls = 0; polls < 250; polls += 1) {
    if ((await publisher.exists(lock)) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${lock} still held after 5 s`);
}

const statusOf = (seats: PushedSeats, id: string) => pushedSeatStatus(seats)(id);

beforeAll(async () => {
  database = await createTestDatabase({ poolSize: 4 });
  publisher = new Redis(testEnv.TEST_REDIS_URL);
  [gatewayA, gatewayB] = await Promise.all([startGateway(), startGateway()]);
});

afterAll(async () => {
  for (const socket of clients) socket.disconnect();
  await Promise.allSettled([gatewayA.close(), gatewayB.close()]);
  publisher.disconnect();
  const cleanup = new Redis(testEnv.TEST_REDIS_URL);
  const keys = await cleanup.keys(`${prefix}:*`);
  if (keys.length > 0) await cleanup.del(...keys);
  cleanup.disconnect();
  await database.drop();
});

describe('occurrence rooms', () => {
  it('push the availability after a hold is created and after it is released', async () => {
    const { occurrence, seatIds } = await concert();
    const [seat] = seatIds;
    if (!seat) throw new Error('no seat');
    const socket = await client(gatewayA);
    const pushes = recordEvents(socket, 'availability');
    expect(await joinRoom(socket, { room: occurrenceRoom(occurrence.id) })).toEqual({ ok: true });

    const created = await hold(occurrence.id, [seat]);
    const held = await pushes.waitFor((event) => statusOf(event.seats, seat) === 'held');
    expect(held).toMatchObject({ occurrenceId: occurrence.id, remaining: 29 });
    // Only the taken seat is named; the other 29 are free by omission.
    expect(held.seats).toEqual({ held: [seat], sold: [], blocked: [] });
    expect(held.ticketTypes).toEqual([expect.objectContaining({ remaining: 29 })]);

    await releaseHold(database.db, created.holdId, { events: events() });
    const freed = await pushes.waitFor((event) => statusOf(event.seats, seat) === 'free');
    expect(freed.remaining).toBe(30);
  });

  it('reach a client on the other instance exactly once', async () => {
    const { occurrence, seatIds } = await concert();
    const [first, second] = seatIds;
    if (!first || !second) throw new Error('no seats');
    const onA = await client(gatewayA);
    const onB = await client(gatewayB);
    const pushesA = recordEvents(onA, 'availability');
    const pushesB = recordEvents(onB, 'availability');
    await joinRoom(onA, { room: occurrenceRoom(occurrence.id) });
    await joinRoom(onB, { room: occurrenceRoom(occurrence.id) });

    await hold(occurrence.id, [first]);
    await pushesB.waitFor((event) => statusOf(event.seats, first) === 'held');
    // Once no instance leads this date any more, every push of the first change was sent.
    await coalescerIdle(occurrence.id);
    await hold(occurrence.id, [second]);
    await pushesB.waitFor((event) => statusOf(event.seats, second) === 'held');
    await pushesA.waitFor((event) => statusOf(event.seats, second) === 'held');
    for (const pushes of [pushesA, pushesB]) {
      expect(pushes.received.map((event) => event.remaining)).toEqual([29, 28]);
    }
  });

  it('turn a burst of holds into a few reads, the last one showing every hold', async () => {
    const { occurrence, seatIds } = await concert(40);
    const socket = await client(gatewayB);
    const pushes = recordEvents(socket, 'availability');
    await joinRoom(socket, { room: occurrenceRoom(occurrence.id) });

    await Promise.all(seatIds.map((seat) => hold(occurrence.id, [seat])));
    const last = await pushes.waitFor((event) => event.remaining === 0);
    expect(new Set(last.seats.held)).toEqual(new Set(seatIds));
    // 40 changes within a few windows of 150 ms: far fewer pushes (and reads) than changes.
    expect(pushes.received.length).toBeLessThan(10);
  });

  it('refuse anything a client sends but join and leave, and never relay it', async () => {
    const { occurrence, seatIds } = await concert();
    const [seat] = seatIds;
    if (!seat) throw new Error('no seat');
    const intruder = await client(gatewayA);
    const watcher = await client(gatewayB);
    const pushes = recordEvents(watcher, 'availability');
    await joinRoom(intruder, { room: occurrenceRoom(occurrence.id) });
    await joinRoom(watcher, { room: occurrenceRoom(occurrence.id) });

    const disconnected = new Promise((resolve) => intruder.once('disconnect', resolve));
    const fake = {
      occurrenceId: occurrence.id,
      remaining: 0,
      ticketTypes: [],
      seats: { held: [], sold: [], blocked: [] },
    };
    (intruder.emit as (event: string, payload: unknown) => void)('availability', fake);
    await disconnected;

    await hold(occurrence.id, [seat]);
    await pushes.waitFor((event) => statusOf(event.seats, seat) === 'held');
    expect(pushes.received.map((event) => event.remaining)).toEqual([29]);
  });

  it('answer a malformed join with a readable error', async () => {
    const socket = await client(gatewayA);
    expect(await joinRoom(socket, { room: 'occurrence:nope' })).toEqual({
      ok: false,
      error: expect.stringContaining('Unknown room') as unknown,
    });
  });
});

describe('connections', () => {
  it("accept pages of the site's origin and refuse other sites' pages", async () => {
    const url = `http://127.0.0.1:${gatewayA.port}`;
    const site = await connectClient(url, 'http://localhost:3000');
    clients.push(site);
    expect(site.connected).toBe(true);
    await expect(connectClient(url, 'https://elsewhere.example')).rejects.toThrow();
  });
});

describe('shutdown', () => {
  it('closes the server and every Redis connection it opened, the adapter subscriber too', async () => {
    const solo = `${prefix}-solo`;
    const names = async () => {
      const list = String(await publisher.call('CLIENT', 'LIST'));
      return list.split('\n').filter((line) => line.includes(` name=${solo}:`));
    };
    const gateway = await startRealtimeGateway({
      db: database.db,
      redisUrl: testEnv.TEST_REDIS_URL,
      port: 0,
      host: '127.0.0.1',
      allowedOrigins: [],
      tokenSecret: secret,
      keyPrefix: solo,
      inventoryChannel,
      relayedChannel,
      log: quietLog,
    });
    const socket = await client(gateway);
    expect(await joinRoom(socket, { room: occurrenceRoom(randomUUID()) })).toEqual({ ok: true });
    expect(await names()).toHaveLength(3);
    const dropped = new Promise((resolve) => socket.once('disconnect', resolve));
    await gateway.close();
    await dropped;
    expect(await names()).toEqual([]);
    await expect(connectClient(`http://127.0.0.1:${gateway.port}`)).rejects.toThrow();
  });
});

describe('org and booking rooms', () => {
  it('refuse a missing, forged, foreign or expired token', async () => {
    const orgId = randomUUID();
    const room = orgRoom(orgId);
    const socket = await client(gatewayA);
    const refused = { ok: false, error: 'This room needs a valid token from the API.' };
    expect(await joinRoom(socket, { room })).toEqual(refused);
    expect(
      await joinRoom(socket, {
        room,
        token: signRoomToken('another-secret-of-32-characters!!', room).token,
      }),
    ).toEqual(refused);
    expect(
      await joinRoom(socket, { room, token: signRoomToken(secret, orgRoom(randomUUID())).token }),
    ).toEqual(refused);
    const expired = signRoomToken(secret, room, new Date(Date.now() - 10 * 60_000)).token;
    expect(await joinRoom(socket, { room, token: expired })).toEqual({
      ok: false,
      error: 'This access has expired; ask for a new token.',
    });
    expect(await joinRoom(socket, { room, token: signRoomToken(secret, room).token })).toEqual({
      ok: true,
    });
  });

  it('push a relayed booking event to its booking room and to its org feed, once', async () => {
    const { org, occurrence } = await concert();
    const reference = `RT${Date.now().toString(36).toUpperCase()}`.slice(0, 12);
    const booking = await database.db
      .insertInto('bookings')
      .values({
        orgId: org.id,
        reference,
        offeringId: occurrence.offeringId,
        occurrenceId: occurrence.id,
        status: 'confirmed',
        confirmedAt: new Date(),
        contactName: 'Ada Lovelace',
        contactEmail: 'ada@example.test',
        subtotalAmount: 4_500,
        totalAmount: 4_500,
        paidAmount: 4_500,
        currency: 'EUR',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const customer = await client(gatewayA);
    const staff = await client(gatewayB);
    const statuses = recordEvents(customer, 'booking');
    const feed = recordEvents(staff, 'feed');
    const bookingGrant = signRoomToken(secret, bookingRoom(reference));
    const orgGrant = signRoomToken(secret, orgRoom(org.id));
    await joinRoom(customer, { room: bookingGrant.room, token: bookingGrant.token });
    await joinRoom(staff, { room: orgGrant.room, token: orgGrant.token });

    const event = {
      orgId: org.id,
      aggregateType: 'booking' as const,
      aggregateId: booking.id,
      eventType: 'booking.confirmed' as const,
      payload: { reference },
    };
    const outboxId = await addOutboxEvent(database.db, event);
    const announce = publishRelayed(publisher, quietLog, relayedChannel);
    const relayed = { ...event, outboxId };
    // Relayed twice (a relay crash between add and commit): pushed once.
    announce([relayed]);
    announce([relayed]);
    expect(await statuses.waitFor(() => true)).toEqual({ reference, status: 'confirmed' });
    expect(await feed.waitFor(() => true)).toMatchObject({
      eventType: 'booking.confirmed',
      reference,
      status: 'confirmed',
      occurrenceId: occurrence.id,
    });

    await database.db
      .updateTable('bookings')
      .set({ status: 'cancelled' })
      .where('id', '=', booking.id)
      .execute();
    announce([{ ...event, eventType: 'booking.cancelled', outboxId: outboxId + 1_000_000 }]);
    await statuses.waitFor((status) => status.status === 'cancelled');
    expect(statuses.received.map((status) => status.status)).toEqual(['confirmed', 'cancelled']);

    // A check-in is an event of its booking too: the org feed names the ticket.
    announce([
      {
        ...event,
        eventType: 'ticket.checked_in',
        payload: {
          ticketId: randomUUID(),
          code: 'TCK12345',
          occurrenceId: occurrence.id,
          gate: null,
        },
        outboxId: outboxId + 2_000_000,
      },
    ]);
    expect(await feed.waitFor((line) => line.eventType === 'ticket.checked_in')).toMatchObject({
      reference,
      ticketCode: 'TCK12345',
      occurrenceId: occurrence.id,
    });
    expect(
      feed.received.find((line) => line.eventType === 'booking.confirmed')?.ticketCode,
    ).toBeNull();
  });

  it('turn a booking event the relay takes from the outbox into a push, after its commit', async () => {
    const { org, occurrence } = await concert();
    const reference = `RL${Date.now().toString(36).toUpperCase()}`.slice(0, 12);
    const booking = await database.db
      .insertInto('bookings')
      .values({
        orgId: org.id,
        reference,
        offeringId: occurrence.offeringId,
        occurrenceId: occurrence.id,
        status: 'confirmed',
        confirmedAt: new Date(),
        contactName: 'Grace Hopper',
        contactEmail: 'grace@example.test',
        subtotalAmount: 4_500,
        totalAmount: 4_500,
        paidAmount: 4_500,
        currency: 'EUR',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const customer = await client(gatewayB);
    const statuses = recordEvents(customer, 'booking');
    const grant = signRoomToken(secret, bookingRoom(reference));
    await joinRoom(customer, { room: grant.room, token: grant.token });

    await addOutboxEvent(database.db, {
      orgId: org.id,
      aggregateType: 'booking',
      aggregateId: booking.id,
      eventType: 'booking.confirmed',
      payload: { reference },
    });
    const producer = createRedisConnection(testEnv.TEST_REDIS_URL, 'producer', quietLog);
    const queues = openQueues(producer, prefix, quietLog);
    const relay = createOutboxRelay({
      db: database.db,
      queues,
      log: quietLog,
      onRelayed: publishRelayed(producer, quietLog, relayedChannel),
    });
    try {
      expect(await relay.relayPending()).toBeGreaterThanOrEqual(1);
      expect(await statuses.waitFor(() => true)).toEqual({ reference, status: 'confirmed' });
    } finally {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      await producer.quit();
    }
  });
});
