import { createDb } from '@tessera/db';
import { pick } from './fixtures';
import {
  closedLoop,
  percentiles,
  sequential,
  type LoopResult,
  type Outcome,
  type Percentiles,
} from './load';
import { claimAndReleaseSeat, withRawConnection } from './seat-claim-sql';
import { TrpcCallError, type TrpcOverHttp } from './trpc-http';

export interface LoadSettings {
  clients: number;
  warmupMs: number;
  durationMs: number;
  serverPid?: number;
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** Runs one iteration; an unexpected failure is counted (and its first message shown), not thrown. */
async function guarded(run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (error) {
    return { ok: false, refusal: 'error', message: describe(error) };
  }
}

/**
 * (1) The claim + release transaction in plain SQL text, from a pool of as many connections
 * as clients (each loop effectively keeps one), in this process: no HTTP, no engine code.
 */
export async function rawSeatClaims(
  databaseUrl: string,
  seats: { occurrenceId: string; seatIds: readonly string[]; holdIds: readonly string[] },
  settings: LoadSettings,
): Promise<LoopResult> {
  const db = createDb(databaseUrl, { max: settings.clients });
  try {
    return await closedLoop({
      ...settings,
      serverPid: undefined,
      iteration: (index) =>
        guarded(async () => {
          const holdId = seats.holdIds[index];
          if (!holdId) throw new Error(`No baseline hold for client ${index}`);
          const started = performance.now();
          const claimed = await withRawConnection(db, (client) =>
            claimAndReleaseSeat(client, {
              occurrenceId: seats.occurrenceId,
              seatId: pick(seats.seatIds),
              holdId,
            }),
          );
          return claimed
            ? { ok: true, latencyMs: performance.now() - started }
            : { ok: false, refusal: 'conflict' };
        }),
    });
  } finally {
    await db.destroy();
  }
}

/** Extra baseline: a JSON answer from the same node:http server, no database. */
export function bareHttp(baseUrl: string, settings: LoadSettings): Promise<LoopResult> {
  return closedLoop({
    ...settings,
    iteration: () =>
      guarded(async () => {
        const started = performance.now();
        await (await fetch(`${baseUrl}/bench/bare`)).json();
        return { ok: true, latencyMs: performance.now() - started };
      }),
  });
}

/** Extra baseline: the (1) transaction run by the server per HTTP request, on its Kysely pool. */
export function seatClaimOverHttp(
  baseUrl: string,
  seats: { occurrenceId: string; seatIds: readonly string[]; holdIds: readonly string[] },
  settings: LoadSettings,
): Promise<LoopResult> {
  return closedLoop({
    ...settings,
    iteration: (index) =>
      guarded(async () => {
        const query = new URLSearchParams({
          occurrence: seats.occurrenceId,
          seat: pick(seats.seatIds),
          hold: seats.holdIds[index] ?? '',
        });
        const started = performance.now();
        const response = await fetch(`${baseUrl}/bench/seat-claim?${query.toString()}`);
        const body = (await response.json()) as { claimed?: boolean; error?: string };
        if (body.error) throw new Error(body.error);
        return body.claimed
          ? { ok: true, latencyMs: performance.now() - started }
          : { ok: false, refusal: 'conflict' };
      }),
  });
}

/**
 * (2) and (3): holds.create through tRPC over HTTP, in a closed loop per client. `request`
 * names fresh stock each time (the stock is large enough for the whole phase), so a refusal
 * means the engine refused, not that two clients raced for one seat. The created holds are
 * returned for the release phase.
 */
export async function holdsOverHttp(
  api: TrpcOverHttp,
  request: () => unknown,
  conflictCode: 'SEAT_TAKEN' | 'SOLD_OUT',
  settings: LoadSettings,
): Promise<LoopResult & { holdIds: string[] }> {
  const holdIds: string[] = [];
  const result = await closedLoop({
    ...settings,
    iteration: () =>
      guarded(async () => {
        const started = performance.now();
        try {
          const { holdId } = await api.mutation<{ holdId: string }>('holds.create', request());
          holdIds.push(holdId);
        } catch (error) {
          if (error instanceof TrpcCallError && error.appCode === conflictCode)
            return { ok: false, refusal: 'conflict' };
          throw error;
        }
        return { ok: true, latencyMs: performance.now() - started };
      }),
  });
  return { ...result, holdIds };
}

export interface ReleaseResult {
  released: number;
  perSecond: number;
  latency: Percentiles;
  errors: number;
  firstError: string | null;
}

/** holds.release of every hold a create phase left, by `clients` loops sharing the list. */
export async function releasesOverHttp(
  api: TrpcOverHttp,
  holdIds: readonly string[],
  clients: number,
): Promise<ReleaseResult> {
  const queue = [...holdIds];
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  async function loop() {
    for (let holdId = queue.pop(); holdId; holdId = queue.pop()) {
      const callStarted = performance.now();
      try {
        await api.mutation('holds.release', { holdId });
        latencies.push(performance.now() - callStarted);
      } catch (error) {
        errors += 1;
        firstError ??= describe(error);
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, loop));
  const seconds = (performance.now() - started) / 1000;
  return {
    released: latencies.length,
    perSecond: latencies.length / seconds,
    latency: percentiles(latencies),
    errors,
    firstError,
  };
}

/** Takes each item once, in random order; throws when a phase outruns its stock. */
export function shuffledSupply<T>(items: readonly T[], what: string): () => T {
  const queue = [...items];
  for (let i = queue.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [queue[i], queue[j]] = [queue[j] as T, queue[i] as T];
  }
  return () => {
    const item = queue.pop();
    if (item === undefined) throw new Error(`the benchmark ran out of ${what}`);
    return item;
  };
}

export interface ReadMeasure {
  /** What was measured: the procedure, over HTTP. */
  subject: string;
  latency: Percentiles;
  /** Items in one answer (slots, seats), to show the call did real work. */
  items: number;
}

/** (4) and (5): `calls` sequential reads through tRPC over HTTP, after 20 unmeasured ones. */
export async function readOverHttp(options: {
  api: TrpcOverHttp;
  procedure: string;
  input: unknown;
  countItems: (answer: unknown) => number;
  calls: number;
}): Promise<ReadMeasure> {
  const { api, procedure, input } = options;
  const items = options.countItems(await api.query(procedure, input));
  const latency = await sequential(options.calls, 20, async () => {
    await api.query(procedure, input);
  });
  return { subject: `${procedure} over HTTP`, latency, items };
}
