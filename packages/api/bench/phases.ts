import { createDb } from '@tessera/db';
import { pick } from './fixtures';
import { closedLoop, sequential, type LoopResult, type Outcome, type Percentiles } from './load';
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

/** (2) and (3): holds.create then holds.release through tRPC over HTTP, in a closed loop per client. */
export function holdsOverHttp(
  api: TrpcOverHttp,
  request: () => unknown,
  conflictCode: 'SEAT_TAKEN' | 'SOLD_OUT',
  settings: LoadSettings,
): Promise<LoopResult> {
  return closedLoop({
    ...settings,
    iteration: () =>
      guarded(async () => {
        const started = performance.now();
        let holdId: string;
        try {
          ({ holdId } = await api.mutation<{ holdId: string }>('holds.create', request()));
        } catch (error) {
          if (error instanceof TrpcCallError && error.appCode === conflictCode)
            return { ok: false, refusal: 'conflict' };
          throw error;
        }
        const created = performance.now();
        await api.mutation('holds.release', { holdId });
        return { ok: true, latencyMs: created - started, secondMs: performance.now() - created };
      }),
  });
}

export interface ReadMeasure {
  /** What was measured: the procedure, or the SQL standing in for it until it exists. */
  subject: string;
  note: string | null;
  latency: Percentiles;
  /** Items in one answer (slots, seats or busy periods), to show the call did real work. */
  items: number;
}

/**
 * (4) and (5): `calls` sequential reads through tRPC; if the procedure is not on the router
 * (yet), the SQL it would run, on a bare pg client, and the figure says so.
 */
export async function readOverHttpOrSql(options: {
  api: TrpcOverHttp;
  procedure: string;
  input: unknown;
  countItems: (answer: unknown) => number;
  databaseUrl: string;
  fallbackSql: { text: string; values: unknown[] };
  calls: number;
  uncommittedNote: string | null;
}): Promise<ReadMeasure> {
  const { api, procedure, input } = options;
  let missing: string | null = null;
  let items = 0;
  try {
    items = options.countItems(await api.query(procedure, input));
  } catch (error) {
    const notOnRouter =
      error instanceof TrpcCallError && error.httpStatus === 404 && error.appCode === null;
    missing = notOnRouter
      ? `${procedure} is not on the router yet`
      : `${procedure} failed (${describe(error)})`;
  }
  if (!missing) {
    const latency = await sequential(options.calls, 20, async () => {
      await api.query(procedure, input);
    });
    return { subject: `${procedure} over HTTP`, note: options.uncommittedNote, latency, items };
  }
  const db = createDb(options.databaseUrl, { max: 1 });
  try {
    const { text, values } = options.fallbackSql;
    return await withRawConnection(db, async (client) => {
      items = (await client.rows(text, values)).length;
      const latency = await sequential(options.calls, 20, async () => {
        await client.rows(text, values);
      });
      return {
        subject: 'its SQL on one connection (no HTTP)',
        note: `${missing}: measured the equivalent SQL instead`,
        latency,
        items,
      };
    });
  } finally {
    await db.destroy();
  }
}
