/**
 * `pnpm test:dev`: proves the one-command start on a clean machine state.
 *
 * Runs `pnpm dev` with embedded services forced (free ports, a throwaway data dir, no
 * DATABASE_URL/REDIS_URL), waits until the pages below answer, stops it with SIGTERM, and
 * checks that it exited 0 and left no process behind. Prints how long each step took.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './dev/config';
import { findFreePort, isListening, pollUntil, sleep } from './dev/net';
import { payForABooking } from './dev/paid-booking';

interface Check {
  name: string;
  url: string;
  /** Every string must appear in the body of a 200 response. */
  mustContain: string[];
  /** Demo account to sign in as first (console pages need a staff session). */
  signInAs?: string;
}

/** What "dev works" means. Tighten with seeded content here, one line per page. */
const checksFor = ({
  web,
  admin,
  realtime,
}: {
  web: string;
  admin: string;
  realtime: string;
}): Check[] => [
  {
    name: 'web home',
    url: `${web}/`,
    mustContain: [
      'Algiers → Oran coach',
      'Jazz à la Villette',
      'Symphonie fantastique',
      'Test payments',
    ],
  },
  { name: 'web API health', url: `${web}/api/trpc/health.check`, mustContain: ['"ok":true'] },
  { name: 'admin sign-in', url: `${admin}/signin`, mustContain: ['Sign in'] },
  {
    name: 'admin dashboard',
    url: `${admin}/`,
    mustContain: ['Dashboard', 'Sales today', 'Pending payments'],
    signInAs: 'owner@demo.test',
  },
  {
    name: 'admin occurrences',
    url: `${admin}/upcoming`,
    mustContain: ['Algiers → Oran coach', 'Tessera Demo'],
    signInAs: 'owner@demo.test',
  },
  // The worker's Socket.IO gateway answers a handshake.
  {
    name: 'realtime gateway',
    url: `${realtime}/socket.io/?EIO=4&transport=polling`,
    mustContain: ['"sid"'],
  },
];

const cookiesOf = (response: Response) =>
  response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the session cookie. */
async function signIn(url: string, email: string): Promise<string> {
  const origin = new URL(url).origin;
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookiesOf(csrf).join('; '),
    },
    body: new URLSearchParams({ email, password: 'tessera-demo', csrfToken, callbackUrl: origin }),
  });
  const session = cookiesOf(response).find((cookie) => cookie?.includes('.session-token='));
  if (!session)
    throw new Error(`signing in as ${email} gave no session cookie (HTTP ${response.status})`);
  return session;
}

const OVERALL_TIMEOUT_MS = 5 * 60_000;
const STOP_TIMEOUT_MS = 60_000;

const t0 = Date.now();
const since = (start: number) => `${((Date.now() - start) / 1000).toFixed(1)} s`;
const log = (line: string) => process.stdout.write(`[smoke] ${line}\n`);
const deadline = t0 + OVERALL_TIMEOUT_MS;
const remaining = () => Math.max(0, deadline - Date.now());

/** Last body or error seen per check, to say why it failed. */
const lastSeen = new Map<string, string>();

async function passes(check: Check): Promise<boolean> {
  try {
    // First requests compile the page in `next dev`: allow them time, within the overall budget.
    const cookie = check.signInAs ? await signIn(check.url, check.signInAs) : undefined;
    const response = await fetch(check.url, {
      headers: cookie ? { cookie } : {},
      signal: AbortSignal.timeout(Math.min(90_000, remaining())),
    });
    const body = await response.text();
    const missing = check.mustContain.filter((text) => !body.includes(text));
    lastSeen.set(
      check.name,
      `HTTP ${response.status}${missing.length ? `, missing ${JSON.stringify(missing)}` : ''}: ${body.slice(0, 300)}`,
    );
    return response.status === 200 && missing.length === 0;
  } catch (error) {
    lastSeen.set(check.name, error instanceof Error ? error.message : String(error));
    return false;
  }
}

/** Processes (Linux /proc) whose environment carries our unique data dir: everything dev started. */
function processesStartedBy(dataDir: string): number[] {
  const marker = Buffer.from(`TESSERA_DATA_DIR=${dataDir}\0`);
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids; // not Linux: the port checks below still apply
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`).includes(marker)) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

async function main(): Promise<number> {
  const ports = { pg: 0, redis: 0, web: 0, admin: 0, realtime: 0 };
  const taken = new Set<number>();
  for (const key of Object.keys(ports) as (keyof typeof ports)[]) {
    let port = await findFreePort();
    while (taken.has(port)) port = await findFreePort();
    taken.add(port);
    ports[key] = port;
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-dev-smoke-'));
  // Embedded Postgres runs as the `postgres` user when we are root: it must reach its data.
  await fs.chmod(dataDir, 0o755);
  const web = `http://127.0.0.1:${ports.web}`;
  const admin = `http://127.0.0.1:${ports.admin}`;
  const realtime = `http://127.0.0.1:${ports.realtime}`;
  log(
    `data dir ${dataDir}; ports pg ${ports.pg}, redis ${ports.redis}, web ${ports.web}, admin ${ports.admin}`,
  );

  const env: NodeJS.ProcessEnv = { ...process.env };
  // Forced embedded services: nothing configured, nothing on the chosen ports.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.PORT;
  Object.assign(env, {
    TESSERA_DATA_DIR: dataDir,
    TESSERA_PG_PORT: String(ports.pg),
    TESSERA_REDIS_PORT: String(ports.redis),
    WEB_PORT: String(ports.web),
    ADMIN_PORT: String(ports.admin),
    REALTIME_PORT: String(ports.realtime),
    NEXT_TELEMETRY_DISABLED: '1',
    TURBO_TELEMETRY_DISABLED: '1',
  });

  const startedAt = Date.now();
  // Own process group, so a failed run can be cleaned up as a whole.
  const dev = spawn('pnpm', ['dev'], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const devExit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    dev.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let devExited = false;
  void devExit.then(() => (devExited = true));

  const failures: string[] = [];
  const cleanUp = async () => {
    if (dev.pid !== undefined && !devExited) {
      try {
        process.kill(-dev.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const pid of processesStartedBy(dataDir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const timer = setTimeout(() => {
    log(`overall timeout of ${OVERALL_TIMEOUT_MS / 1000} s reached`);
    void cleanUp().then(() => process.exit(1));
  }, OVERALL_TIMEOUT_MS);
  timer.unref();

  try {
    for (const check of checksFor({ web, admin, realtime })) {
      const ok = await pollUntil(async () => !devExited && (await passes(check)), {
        timeoutMs: remaining(),
        intervalMs: 500,
      });
      if (!ok || devExited) {
        failures.push(
          `${check.name} (${check.url}): ${devExited ? 'dev exited; ' : ''}${lastSeen.get(check.name) ?? 'no answer'}`,
        );
        break;
      }
      log(`${check.name} OK after ${since(startedAt)}`);
    }

    if (failures.length === 0) {
      const bookingAt = Date.now();
      try {
        const reference = await payForABooking(web, 'jazz-a-la-villette');
        log(
          `paid booking ${reference} confirmed through the Stripe simulator in ${since(bookingAt)}`,
        );
      } catch (error) {
        failures.push(`paid booking: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    if (failures.length === 0) {
      const pid = Number((await fs.readFile(path.join(dataDir, 'dev.pid'), 'utf8')).trim());
      const stopAt = Date.now();
      log(`sending SIGTERM to dev (pid ${pid})`);
      process.kill(pid, 'SIGTERM');
      const exit = await Promise.race([devExit, sleep(STOP_TIMEOUT_MS).then(() => undefined)]);
      if (!exit) failures.push(`dev did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM`);
      else if (exit.code !== 0)
        failures.push(`dev exited with ${exit.signal ?? `code ${exit.code}`}, expected 0`);
      else log(`dev stopped with exit code 0 in ${since(stopAt)}`);

      const leftovers = processesStartedBy(dataDir);
      if (leftovers.length) failures.push(`processes left behind: ${leftovers.join(', ')}`);
      for (const [name, port] of Object.entries(ports)) {
        if (await isListening(port))
          failures.push(`${name} port ${port} still accepts connections`);
      }
    }
  } finally {
    await cleanUp();
  }

  if (failures.length) {
    for (const failure of failures) log(`FAIL ${failure}`);
    log(`data dir kept for inspection: ${dataDir} (postgres.log, redis.log)`);
    return 1;
  }
  await fs.rm(dataDir, { recursive: true, force: true });
  log(`PASS in ${since(t0)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
