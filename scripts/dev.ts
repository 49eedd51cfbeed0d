/**
 * `pnpm dev`: one command from a fresh clone to a running Tessera.
 *
 * Postgres and Redis come from DATABASE_URL / REDIS_URL, or a server already listening on the
 * usual port, or are started here (embedded PostgreSQL from npm, the system redis-server).
 * Then the database is migrated and seeded, and web, admin and the worker run with prefixed
 * output. SIGINT/SIGTERM stops the apps, then the services this script started, and exits 0.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadDevConfig, repoRoot } from './dev/config';
import { canBind, findFreePort, isListening, pollUntil } from './dev/net';
import { providePostgres, type PostgresService } from './dev/postgres';
import { startProcess, stopProcess, type ManagedProcess } from './dev/processes';
import { provideRedis, type RedisService } from './dev/redis';

const DEMO_PASSWORD = 'tessera-demo';
const DEMO_LOGINS = [
  'owner@demo.test',
  'manager@demo.test',
  'agent@demo.test',
  'checkin@demo.test',
  'auditor@demo.test',
  'customer@demo.test',
  'owner@other.test (second organisation)',
];

const startedAt = Date.now();
const log = (line: string) => process.stdout.write(`[dev] ${line}\n`);
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;

const config = loadDevConfig();
const pidFile = path.join(config.dataDir, 'dev.pid');

let postgres: PostgresService | undefined;
let redis: RedisService | undefined;
/** Migrate/seed while they run, then the three apps. */
let running: ManagedProcess[] = [];
let shuttingDown: Promise<never> | undefined;
/** Set while Postgres/Redis start: a signal then waits for them, so it can stop what started. */
let servicesStarting: Promise<unknown> | undefined;

function shutdown(exitCode: number, reason?: string): Promise<never> {
  shuttingDown ??= (async () => {
    if (reason) log(reason);
    const stoppedAt = Date.now();
    await servicesStarting;
    const startedSomething =
      running.length > 0 || redis?.source === 'embedded' || postgres?.source === 'embedded';
    await Promise.all(running.map((proc) => stopProcess(proc)));
    // Apps first (they hold connections), then the services we started ourselves.
    await redis?.stop().catch((error: unknown) => log(`stopping Redis: ${String(error)}`));
    await postgres?.stop().catch((error: unknown) => log(`stopping PostgreSQL: ${String(error)}`));
    await fs.rm(pidFile, { force: true });
    if (startedSomething) log(`stopped in ${Date.now() - stoppedAt} ms`);
    process.exit(exitCode);
  })();
  return shuttingDown;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0, `${signal} received, stopping…`));
}

/** Runs a step such as `pnpm db:migrate` to completion; stops everything if it fails. */
async function runStep(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  if (shuttingDown) await shuttingDown; // never start anything once stopping has begun
  const started = Date.now();
  const proc = startProcess(name, 'pnpm', ['--silent', ...args], { cwd: repoRoot, env });
  running.push(proc);
  const { code, signal } = await proc.exited;
  running = running.filter((p) => p !== proc);
  if (shuttingDown) await shuttingDown;
  if (code !== 0)
    await shutdown(1, `pnpm ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`);
  log(`pnpm ${args.join(' ')} done in ${Date.now() - started} ms`);
}

async function main() {
  await fs.mkdir(config.dataDir, { recursive: true });
  await fs.writeFile(pidFile, `${process.pid}\n`);

  // Next.js would silently move to another port; a wrong URL in the banner is worse than stopping.
  for (const [name, port, variable] of [
    ['web', config.webPort, 'WEB_PORT'],
    ['admin', config.adminPort, 'ADMIN_PORT'],
    ['realtime gateway', config.realtimePort, 'REALTIME_PORT'],
  ] as const) {
    if ((await isListening(port)) || !(await canBind(port))) {
      return shutdown(
        1,
        `port ${port} for ${name} is already in use; set ${variable} to another port`,
      );
    }
  }

  // Redis first: it starts in milliseconds, and a missing redis-server should stop us before
  // an embedded Postgres is initialised for nothing.
  const services = (async () => {
    redis = await provideRedis({
      redisUrl: config.redisUrl,
      port: config.redisPort,
      dataDir: config.dataDir,
    });
    postgres = await providePostgres({
      databaseUrl: config.databaseUrl,
      port: config.pgPort,
      dataDir: config.dataDir,
      log,
    });
  })();
  servicesStarting = services.catch(() => undefined);
  try {
    await services;
  } catch (error) {
    return shutdown(1, error instanceof Error ? error.message : String(error));
  }
  if (!postgres || !redis || shuttingDown) return;
  log(`PostgreSQL: ${postgres.url} (${postgres.source})`);
  log(`Redis:      ${redis.url} (${redis.source})`);
  log(`services ready after ${elapsed()}`);

  const env: NodeJS.ProcessEnv = {
    // Invitation emails link to the console on the port it runs on here (unless set).
    CONSOLE_URL: `http://localhost:${config.adminPort}`,
    ...process.env,
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    NEXT_TELEMETRY_DISABLED: '1',
    TURBO_TELEMETRY_DISABLED: '1',
    // The worker's gateway, and the pages (site and console, by either host name) it accepts.
    REALTIME_PORT: String(config.realtimePort),
    NEXT_PUBLIC_REALTIME_URL: `http://localhost:${config.realtimePort}`,
    REALTIME_ALLOWED_ORIGINS: [config.webPort, config.adminPort]
      .flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`])
      .join(','),
    ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
  };
  await runStep('migrate', ['db:migrate'], env);
  await runStep('seed', ['db:seed'], env);
  // The apps import @tessera/client from its build (dist/), which a fresh clone lacks.
  await runStep('client', ['--filter', '@tessera/client', 'build'], env);

  // No Stripe key: the local simulator takes card payments, and the site says they are tests.
  if (!config.stripeSecretKey) {
    const port = (await isListening(config.stripeSimulatorPort))
      ? await findFreePort()
      : config.stripeSimulatorPort;
    const webhookSecret = 'whsec_tessera_simulator';
    Object.assign(env, {
      STRIPE_SECRET_KEY: 'sk_test_tessera_simulator',
      STRIPE_API_URL: `http://127.0.0.1:${port}`,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      PUBLIC_SITE_URL: `http://localhost:${config.webPort}`,
    });
    const simulator = startProcess(
      'stripe',
      'pnpm',
      ['--silent', '--filter', '@tessera/stripe-simulator', 'start'],
      {
        cwd: repoRoot,
        env: {
          ...env,
          STRIPE_SIMULATOR_PORT: String(port),
          STRIPE_SIMULATOR_PUBLIC_URL: `http://localhost:${port}`,
          STRIPE_WEBHOOK_URL: `http://localhost:${config.webPort}/api/webhooks/stripe`,
          STRIPE_WEBHOOK_SECRET: webhookSecret,
        },
      },
    );
    running.push(simulator);
  }

  if (shuttingDown) await shuttingDown;
  // Three processes rather than one `turbo run dev`: each app needs its own PORT.
  const apps = [
    { name: 'web', filter: '@tessera/web', port: config.webPort },
    { name: 'admin', filter: '@tessera/admin', port: config.adminPort },
    { name: 'worker', filter: '@tessera/worker', port: undefined },
  ];
  for (const app of apps) {
    const appEnv = { ...env, ...(app.port ? { PORT: String(app.port) } : {}) };
    const proc = startProcess(app.name, 'pnpm', ['--silent', '--filter', app.filter, 'dev'], {
      cwd: repoRoot,
      env: appEnv,
    });
    running.push(proc);
    void proc.exited.then(({ code, signal }) => {
      if (!shuttingDown)
        void shutdown(
          1,
          `${app.name} exited on its own (${signal ?? `exit code ${code}`}); stopping everything`,
        );
    });
  }

  const listening = await pollUntil(
    async () => (await isListening(config.webPort)) && (await isListening(config.adminPort)),
    { timeoutMs: 120_000, intervalMs: 250 },
  );
  if (shuttingDown) return;
  log(listening ? `apps listening after ${elapsed()}` : 'apps are still starting…');
  const banner = [
    '',
    `  web    http://localhost:${config.webPort}`,
    `  admin  http://localhost:${config.adminPort}`,
    `  live   ws://localhost:${config.realtimePort} (the worker's realtime gateway)`,
    config.stripeSecretKey
      ? '  payments  Stripe (STRIPE_SECRET_KEY)'
      : '  payments  local Stripe simulator (test payments, no real money)',
    '',
    `  demo logins (password ${DEMO_PASSWORD}):`,
    ...DEMO_LOGINS.map((login) => `    ${login}`),
    '',
    '  Ctrl+C stops everything.',
    '',
  ];
  process.stdout.write(banner.join('\n') + '\n');
}

main().catch((error: unknown) =>
  shutdown(
    1,
    `dev failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  ),
);
