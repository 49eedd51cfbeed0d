/**
 * The API server of the benchmark, in its own process (so the load generator's CPU is not
 * the server's): tRPC's standalone node:http adapter, anti-hoarding switched off, plus two
 * extra baselines on the same server: a bare JSON answer and the baseline SQL transaction.
 * Started by engine.ts with `fork`; configured over IPC; answers with its port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import { createDb, type Db } from '@tessera/db';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { Redis } from 'ioredis';
import { createContext } from '../src/context';
import { appRouter } from '../src/router';
import { claimAndReleaseSeat, withRawConnection } from './seat-claim-sql';

export interface ServerConfig {
  databaseUrl: string;
  redisUrl: string;
  poolSize: number;
}

function isServerConfig(message: unknown): message is ServerConfig {
  return (
    typeof message === 'object' &&
    message !== null &&
    'databaseUrl' in message &&
    'redisUrl' in message
  );
}

const headersOf = (req: IncomingMessage) =>
  new Headers(
    Object.entries(req.headers).flatMap(([name, value]) =>
      typeof value === 'string' ? [[name, value]] : [],
    ),
  );

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** GET /bench/seat-claim?occurrence=&seat=&hold=: the baseline transaction behind HTTP. */
async function seatClaim(db: Db, url: URL, res: ServerResponse) {
  const param = (name: string) => url.searchParams.get(name) ?? '';
  const claimed = await withRawConnection(db, (client) =>
    claimAndReleaseSeat(client, {
      occurrenceId: param('occurrence'),
      seatId: param('seat'),
      holdId: param('hold'),
    }),
  );
  sendJson(res, 200, { claimed });
}

async function start(config: ServerConfig) {
  const db = createDb(config.databaseUrl, { max: config.poolSize });
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/api/trpc/',
    createContext: ({ req }) =>
      createContext({
        db,
        redis,
        headers: headersOf(req),
        userId: null,
        engine: { maxLiveHoldsPerClient: 0, holdsPerMinute: 0 },
      }),
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/bench/bare') return sendJson(res, 200, { ok: true });
    if (url.pathname === '/bench/seat-claim') {
      seatClaim(db, url, res).catch((error: unknown) =>
        sendJson(res, 500, { error: String(error) }),
      );
      return;
    }
    trpc(req, res);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('The bench server has no address');

  process.once('message', () => {
    server.close();
    server.closeAllConnections();
    redis.disconnect();
    void db.destroy().then(() => process.exit(0));
  });
  process.send?.({ port: address.port });
}

process.once('message', (message: unknown) => {
  if (!isServerConfig(message))
    throw new Error('The bench server expects { databaseUrl, redisUrl, poolSize }');
  start(message).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
