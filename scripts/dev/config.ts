import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Everything `pnpm dev` reads from the environment, in one place.
 * Empty strings count as unset, like the apps' env modules.
 */
function read(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

function readPort(name: string, fallback: number): number {
  const raw = read(name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port number, got "${raw}"`);
  }
  return port;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface DevConfig {
  /** Used as is when set: no embedded service is started. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  pgPort: number;
  redisPort: number;
  webPort: number;
  adminPort: number;
  /** The worker's realtime gateway (Socket.IO); the site connects to it from the browser. */
  realtimePort: number;
  /** With a key, real Stripe (test or live) is used; without, the local simulator on this port. */
  stripeSecretKey: string | undefined;
  stripeSimulatorPort: number;
  /** Where embedded Postgres and Redis keep their files (`.data` at the repository root). */
  dataDir: string;
}

export function loadDevConfig(): DevConfig {
  return {
    databaseUrl: read('DATABASE_URL'),
    redisUrl: read('REDIS_URL'),
    pgPort: readPort('TESSERA_PG_PORT', 5432),
    redisPort: readPort('TESSERA_REDIS_PORT', 6379),
    webPort: readPort('WEB_PORT', 3000),
    adminPort: readPort('ADMIN_PORT', 3001),
    realtimePort: readPort('REALTIME_PORT', 3030),
    stripeSecretKey: read('STRIPE_SECRET_KEY'),
    stripeSimulatorPort: readPort('STRIPE_SIMULATOR_PORT', 12111),
    dataDir: path.resolve(repoRoot, read('TESSERA_DATA_DIR') ?? '.data'),
  };
}
