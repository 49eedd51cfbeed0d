/**
 * `pnpm bench:engine`: throughput and latency of the booking engine on this machine, in one
 * run, against its own copy of the migrated database (dropped at the end). Figures are
 * measurements, not tests: a missed target is reported, never a failure. The exit code is
 * non-zero only when the oversell check finds an oversell or something crashes.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, testEnv } from '@tessera/db/testing';
import {
  baselineHolds,
  generalAdmissionBenchOccurrence,
  seatedBenchOccurrence,
  slotHistory,
} from './fixtures';
import { findOversell, oversold, watchOversell, type StockUnderTest } from './oversell';
import {
  bareHttp,
  holdsOverHttp,
  rawSeatClaims,
  readOverHttp,
  releasesOverHttp,
  seatClaimOverHttp,
  shuffledSupply,
  type LoadSettings,
} from './phases';
import { loopLines, releaseLines, summaryTable } from './report';
import { trpcOverHttp } from './trpc-http';

const CLIENTS = 64;
const PHASE: Omit<LoadSettings, 'serverPid'> = {
  clients: CLIENTS,
  warmupMs: 1_500,
  durationMs: 8_000,
};
const EXTRA_BASELINE = { ...PHASE, durationMs: 4_000 };
const READ_CALLS = 300;
/** Stock for the holds.create phases: more than 64 clients can take in 9.5 s. */
const ON_SALE_STOCK = { rows: 100, seatsPerRow: 200, quota: 20_000 };
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

const say = (...lines: string[]) => console.log(lines.join('\n'));

/** The run must only talk to this machine. */
function assertLocal(url: string, what: string) {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host))
    throw new Error(`${what} must be on 127.0.0.1, not ${host}`);
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function startServer(config: { databaseUrl: string; redisUrl: string; poolSize: number }) {
  const child: ChildProcess = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
  });
  const ready = once(child, 'message') as Promise<[{ port: number }]>;
  child.send(config);
  const [{ port }] = await Promise.race([
    ready,
    once(child, 'exit').then(() => {
      throw new Error('The bench server exited before listening');
    }),
  ]);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.send('stop');
      await exited;
    },
  };
}

async function main(): Promise<number> {
  assertLocal(testEnv.TEST_DATABASE_URL, 'PostgreSQL');
  assertLocal(testEnv.TEST_REDIS_URL, 'Redis');
  const started = performance.now();
  say(
    `Tessera engine benchmark — ${new Date().toISOString()}, commit ${git('rev-parse', '--short', 'HEAD') || 'unknown'}`,
    `node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
    `${CLIENTS} clients per load phase, ${PHASE.warmupMs / 1000} s warm-up + ${PHASE.durationMs / 1000} s measured`,
  );

  const database = await createTestDatabase({ poolSize: 4 });
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const seated = await seatedBenchOccurrence(database.db);
    const holdIds = await baselineHolds(database.db, seated, CLIENTS);
    const stadium = await seatedBenchOccurrence(database.db, ON_SALE_STOCK);
    const ga = await generalAdmissionBenchOccurrence(database.db, ON_SALE_STOCK.quota);
    const history = await slotHistory(database.db, {
      resources: 200,
      slotsPerResource: 5_000,
      inMeasuredWeek: 5,
    });
    say(
      `database ${database.name}: ${seated.seatIds.length} + ${stadium.seatIds.length.toLocaleString('en-US')} seats, ` +
        `${ga.quota.toLocaleString('en-US')} GA units, ` +
        `${history.rows.toLocaleString('en-US')} slot reservations (loaded in ${history.insertSeconds.toFixed(1)} s)`,
      '',
    );
    const seats = { occurrenceId: seated.occurrenceId, seatIds: seated.seatIds, holdIds };

    const raw = await rawSeatClaims(database.url, seats, PHASE);
    say(...loopLines('(1) raw SQL seat claim+release, 64 pg connections', 'claims', raw));

    server = await startServer({
      databaseUrl: database.url,
      redisUrl: testEnv.TEST_REDIS_URL,
      poolSize: CLIENTS,
    });
    const load = { ...PHASE, serverPid: server.pid };
    const bare = await bareHttp(server.baseUrl, { ...EXTRA_BASELINE, serverPid: server.pid });
    say(...loopLines('    extra baseline: bare node:http JSON, same server', 'requests', bare));
    const claimOverHttp = await seatClaimOverHttp(server.baseUrl, seats, {
      ...EXTRA_BASELINE,
      serverPid: server.pid,
    });
    say(
      ...loopLines(
        '    extra baseline: (1) run by the server per HTTP request',
        'claims',
        claimOverHttp,
      ),
    );

    const stock: StockUnderTest = {
      seats: { occurrenceId: stadium.occurrenceId },
      generalAdmission: ga,
    };
    const api = trpcOverHttp(server.baseUrl);
    const watch = watchOversell(database.db, stock);
    const nextSeat = shuffledSupply(stadium.seatIds, 'seats');
    const seatHolds = await holdsOverHttp(
      api,
      () => ({ occurrenceId: stadium.occurrenceId, seatIds: [nextSeat()] }),
      'SEAT_TAKEN',
      load,
    );
    say(
      ...loopLines(
        '(2) holds.create (1 seat, each seat asked for once) over tRPC HTTP',
        'holds',
        seatHolds,
      ),
    );
    const gaHolds = await holdsOverHttp(
      api,
      () => ({
        occurrenceId: ga.occurrenceId,
        tickets: [{ ticketTypeId: ga.ticketTypeId, quantity: 1 }],
      }),
      'SOLD_OUT',
      load,
    );
    say(...loopLines('(3) holds.create (1 GA ticket) over tRPC HTTP', 'holds', gaHolds));
    const releases = await releasesOverHttp(
      api,
      [...seatHolds.holdIds, ...gaHolds.holdIds],
      CLIENTS,
    );
    say(...releaseLines(releases));
    const duringLoad = await watch.stop();
    const after = await findOversell(database.db, stock);
    const oversoldCount = Math.max(duringLoad.worst, oversold(after));
    say(
      `(6) oversell: ${duringLoad.checks} snapshot checks during (2)-(3), worst ${duringLoad.worst}; after: ${JSON.stringify(after)}`,
      oversoldCount === 0
        ? '    0 oversold'
        : `    !!! ${oversoldCount} OVERSOLD: a seat or unit was held twice or above capacity !!!`,
    );

    const slots = await readOverHttp({
      api,
      procedure: 'availability.slots',
      input: {
        offeringId: history.offeringId,
        resourceId: history.resourceId,
        from: history.from,
        to: history.to,
      },
      countItems: (answer) => (answer as { slots: unknown[] }).slots.length,
      calls: READ_CALLS,
    });
    say(
      `(4) slots over ${history.rows.toLocaleString('en-US')} reservations: ${slots.subject}, ${slots.items} items per answer`,
    );
    say(
      `    ${READ_CALLS} sequential calls: p50 ${slots.latency.p50.toFixed(2)} ms, p95 ${slots.latency.p95.toFixed(2)} ms`,
    );
    const seatMap = await readOverHttp({
      api,
      procedure: 'availability.occurrence',
      input: { occurrenceId: seated.occurrenceId },
      countItems: (answer) => (answer as { seats?: unknown[] }).seats?.length ?? 0,
      calls: READ_CALLS,
    });
    say(
      `(5) seat map of ${seated.seatIds.length} seats: ${seatMap.subject}, ${seatMap.items} seats per answer`,
    );
    say(
      `    ${READ_CALLS} sequential calls: p50 ${seatMap.latency.p50.toFixed(2)} ms, p95 ${seatMap.latency.p95.toFixed(2)} ms`,
    );

    say(
      '',
      ...summaryTable({
        raw,
        bare,
        claimOverHttp,
        seats: seatHolds,
        generalAdmission: gaHolds,
        releases,
        slots,
        seatMap,
        oversold: oversoldCount,
      }),
    );
    say(
      '',
      `Targets are for reference only; a miss does not fail the run. Total ${((performance.now() - started) / 1000).toFixed(0)} s, load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}.`,
    );
    return oversoldCount === 0 ? 0 : 1;
  } finally {
    await server?.stop();
    await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
