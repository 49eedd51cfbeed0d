/**
 * `pnpm bench:realtime`: how fast a seat change reaches 1,000 open seat maps.
 *
 * Two gateway instances (child processes, Redis adapter) share 1,000 Socket.IO clients in
 * one date's room; the API (packages/api/bench/server.ts, its own process) takes
 * holds of one seat each, 100 paced (one every 250 ms, each its own push) then 100 in a burst
 * (coalesced). Prints push latency p50/p95/p99 from the commit (the API's inventory message,
 * as a subscriber here sees it) and from the request (end to end), pushes delivered per
 * second, and two baselines measured in the same run: a raw Redis pub/sub round trip to one
 * subscriber, and a bare Socket.IO broadcast of the same payload through the same gateways to
 * the same clients. Then the outbox relay's throughput. A figure never fails the run.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { INVENTORY_CHANNEL, InventoryMessage } from '@tessera/api/domain/events/inventory';
import { occurrenceRoom, pushedSeatStatus, type AvailabilityEvent } from '@tessera/api/realtime';
import { createTestDatabase, testEnv } from '@tessera/db/testing';
import { Redis } from 'ioredis';
import { connectClient, joinRoom, type GatewayClient } from '../src/realtime/test-clients';
import { now, percentiles, printLatencies } from './figures';
import { concert, measureRelay } from './fixtures';
import type { GatewayProcessConfig, GatewayProcessRequest } from './gateway-process';

/** `pnpm bench:realtime --clients=200` for a quick look. */
const CLIENTS = Number(
  process.argv.find((arg) => arg.startsWith('--clients='))?.slice('--clients='.length) ?? 1_000,
);
const CHANGES = 100;
const PACED_EVERY_MS = 250;
const BURST_CONCURRENCY = 4;
const BASELINE_ROUNDS = 100;

const log = (line: string) => console.log(`[bench] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

function startGateway(config: GatewayProcessConfig) {
  const child = fork(new URL('./gateway-process.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
  });
  child.send(config);
  const ready = new Promise<string>((resolve) =>
    child.once('message', (message: { port: number }) =>
      resolve(`http://127.0.0.1:${message.port}`),
    ),
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { ready, exited, send: (request: GatewayProcessRequest) => child.send(request) };
}

/** Polls `done` (cheap, in-memory) until true or `timeoutMs`. */
async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

async function main() {
  log(`load average ${load()} (${os.cpus().length} CPUs); ${CLIENTS} clients, 2 gateways`);
  const database = await createTestDatabase({ poolSize: 8 });
  const redis = new Redis(testEnv.TEST_REDIS_URL);
  const subscriber = new Redis(testEnv.TEST_REDIS_URL);
  const keyPrefix = `tessera-bench-realtime-${process.pid}`;
  const { occurrenceId, seatIds } = await concert(database.db, 2 * CHANGES);
  const baselineId = randomUUID();
  const baselineRoom = occurrenceRoom(baselineId);

  // The API over HTTP as the engine benchmark runs it: its own process, no anti-hoarding limits.
  const apiServer = fork(new URL('../../../packages/api/bench/server.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
  });
  apiServer.send({ databaseUrl: database.url, redisUrl: testEnv.TEST_REDIS_URL, poolSize: 4 });
  const apiPort = await new Promise<number>((resolve) =>
    apiServer.once('message', (message: { port: number }) => resolve(message.port)),
  );
  const apiExited = new Promise((resolve) => apiServer.once('exit', resolve));
  const hold = async (seatId: string) => {
    const response = await fetch(`http://127.0.0.1:${apiPort}/api/trpc/holds.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { occurrenceId, seatIds: [seatId] } }),
    });
    if (!response.ok)
      throw new Error(`holds.create: HTTP ${response.status} ${await response.text()}`);
  };

  // Commits, in order, as the API announces them.
  const commits: number[] = [];
  subscriber.on('message', (_channel: string, raw: string) => {
    const message = InventoryMessage.safeParse(JSON.parse(raw));
    if (message.success && message.data.occurrenceId === occurrenceId) commits.push(now());
  });
  await subscriber.subscribe(INVENTORY_CHANNEL);

  const config = { databaseUrl: database.url, redisUrl: testEnv.TEST_REDIS_URL, keyPrefix };
  const gateways = [startGateway(config), startGateway(config)];
  const urls = await Promise.all(gateways.map((gateway) => gateway.ready));

  // Per client: when each seat was first seen taken, and every push's arrival.
  const seenTaken: Map<string, number>[] = [];
  const pushTimes: number[][] = [];
  const baseline: number[] = [];
  let lastPush: AvailabilityEvent | undefined;
  const clients: GatewayClient[] = [];
  for (let start = 0; start < CLIENTS; start += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, CLIENTS - start) }, (_, i) =>
        connectClient(urls[(start + i) % urls.length] ?? ''),
      ),
    );
    for (const socket of batch) {
      const taken = new Map<string, number>();
      const pushes: number[] = [];
      seenTaken.push(taken);
      pushTimes.push(pushes);
      socket.on('availability', (event) => {
        const at = now();
        if (event.occurrenceId !== occurrenceId) {
          baseline.push(at - event.remaining);
          return;
        }
        pushes.push(at);
        lastPush = event;
        for (const ids of [event.seats.held, event.seats.sold, event.seats.blocked])
          for (const seat of ids) if (!taken.has(seat)) taken.set(seat, at);
      });
      await joinRoom(socket, { room: occurrenceRoom(occurrenceId) });
      await joinRoom(socket, { room: baselineRoom });
    }
    clients.push(...batch);
  }
  log(`${clients.length} clients connected and in the room; load average ${load()}`);

  const allSeeAll = (seats: string[]) => () =>
    seenTaken.every((taken) => seats.every((seat) => taken.has(seat)));

  // 1. Paced: every change gets its own push (the leading edge of the coalescing window).
  const pacedSeats = seatIds.slice(0, CHANGES);
  const requested = new Map<string, number>();
  for (const seat of pacedSeats) {
    requested.set(seat, now());
    await hold(seat);
    await sleep(PACED_EVERY_MS);
  }
  const pacedComplete = await until(allSeeAll(pacedSeats), 15_000);
  log(`paced: ${CHANGES} holds, one every ${PACED_EVERY_MS} ms, done; load average ${load()}`);
  const fromCommit: number[] = [];
  const pacedEndToEnd: number[] = [];
  for (const taken of seenTaken) {
    pacedSeats.forEach((seat, index) => {
      const at = taken.get(seat);
      if (at === undefined) return;
      const commit = commits[index];
      if (commit !== undefined) fromCommit.push(at - commit);
      pacedEndToEnd.push(at - (requested.get(seat) ?? at));
    });
  }

  // 2. Burst: as fast as the API takes them; pushes are coalesced (one read per window).
  const burstSeats = seatIds.slice(CHANGES, 2 * CHANGES);
  const pushesBefore = pushTimes.map((pushes) => pushes.length);
  const queue = [...burstSeats];
  const burstStarted = now();
  await Promise.all(
    Array.from({ length: BURST_CONCURRENCY }, async () => {
      for (let seat = queue.shift(); seat; seat = queue.shift()) {
        requested.set(seat, now());
        await hold(seat);
      }
    }),
  );
  const burstComplete = await until(allSeeAll(burstSeats), 15_000);
  log(`burst: ${CHANGES} holds, ${BURST_CONCURRENCY} at a time, done`);
  const burstSeconds = (now() - burstStarted) / 1000;
  const burstEndToEnd: number[] = [];
  for (const taken of seenTaken)
    for (const seat of burstSeats) {
      const at = taken.get(seat);
      if (at !== undefined) burstEndToEnd.push(at - (requested.get(seat) ?? at));
    }
  const burstPushes = pushTimes.reduce(
    (sum, pushes, i) => sum + pushes.length - (pushesBefore[i] ?? 0),
    0,
  );

  // 3. Baseline: a bare broadcast of a payload of the same size, same gateways, same clients.
  for (let round = 0; round < BASELINE_ROUNDS && lastPush; round += 1) {
    const expected = baseline.length + clients.length;
    const payload = { ...lastPush, occurrenceId: baselineId };
    gateways[round % 2]?.send({ kind: 'broadcast', room: baselineRoom, payload });
    if (!(await until(() => baseline.length >= expected, 5_000))) {
      log(`bare broadcast ${round} did not reach every client within 5 s; stopping there`);
      break;
    }
  }

  log(`bare broadcasts: ${BASELINE_ROUNDS} done`);

  // 4. Baseline: a raw Redis pub/sub round trip to one subscriber.
  const pubsub: number[] = [];
  const probeChannel = `${keyPrefix}:probe`;
  const probe = new Redis(testEnv.TEST_REDIS_URL);
  let received: (() => void) | undefined;
  probe.on('message', (_channel: string, sent: string) => {
    pubsub.push(now() - Number(sent));
    received?.();
  });
  await probe.subscribe(probeChannel);
  for (let round = 0; round < BASELINE_ROUNDS * 5; round += 1) {
    const arrived = new Promise<void>((resolve) => (received = resolve));
    await redis.publish(probeChannel, String(now()));
    await arrived;
  }

  // 5. The outbox relay: rows to BullMQ jobs per second.
  const relay = await measureRelay(database.db, testEnv.TEST_REDIS_URL, keyPrefix);

  const socketIo = percentiles(baseline);
  const paced = percentiles(fromCommit);
  const raw = percentiles(pubsub);
  printLatencies([
    ['Redis pub/sub round trip, 1 subscriber (baseline)', raw],
    [`bare Socket.IO broadcast to ${clients.length} clients, 2 instances (baseline)`, socketIo],
    ['seat change, paced: commit -> every client', paced],
    ['seat change, paced: request -> every client (end to end)', percentiles(pacedEndToEnd)],
    ['seat change, burst: request -> every client (end to end)', percentiles(burstEndToEnd)],
  ]);
  const pacedP95 = percentiles(pacedEndToEnd).p95;
  // The push names only taken seats; listing every seat (the form before) would weigh this.
  const statusOf = lastPush ? pushedSeatStatus(lastPush.seats) : () => 'free';
  const everySeat = JSON.stringify({
    ...lastPush,
    seats: seatIds.map((id) => ({ id, status: statusOf(id) })),
  }).length;
  console.log(`
seat changes seen by every client: paced ${pacedComplete ? 'all' : 'NOT all'}, burst ${burstComplete ? 'all' : 'NOT all'}
burst: ${CHANGES} holds in ${burstSeconds.toFixed(2)} s -> ${(burstPushes / clients.length).toFixed(1)} pushes per client (= availability reads), ${Math.round(burstPushes / burstSeconds)} pushes delivered/s
ratio, paced push (from commit) to bare Socket.IO broadcast: p50 ${(paced.p50 / socketIo.p50).toFixed(2)}x, p95 ${(paced.p95 / socketIo.p95).toFixed(2)}x
ratio, paced push (from commit) to Redis pub/sub round trip: p50 ${(paced.p50 / raw.p50).toFixed(1)}x
last push: ${JSON.stringify(lastPush ?? {}).length} bytes (listing every seat: ${everySeat} bytes)
target p95 < 100 ms end to end (paced): ${pacedP95 < 100 ? 'met' : 'not met'} (${pacedP95.toFixed(1)} ms)
outbox relay: ${relay.rows} rows in ${relay.seconds.toFixed(2)} s -> ${Math.round(relay.rows / relay.seconds)} events/s
load average at the end: ${load()}`);

  for (const socket of clients) socket.disconnect();
  for (const gateway of gateways) gateway.send({ kind: 'close' });
  await Promise.all(gateways.map((gateway) => gateway.exited));
  apiServer.send('stop');
  await apiExited;
  const leftovers = await redis.keys(`${keyPrefix}*`);
  if (leftovers.length > 0) await redis.del(...leftovers);
  probe.disconnect();
  subscriber.disconnect();
  redis.disconnect();
  await database.drop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
