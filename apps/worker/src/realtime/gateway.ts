import { createServer } from 'node:http';
import { INVENTORY_CHANNEL } from '@tessera/api/domain/events/inventory';
import type { Db } from '@tessera/db';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import type { Logger } from '../log';
import { startAvailabilityFeed } from './availability-feed';
import { startBookingFeed } from './booking-feed';
import { createRealtimeRedis } from './redis';
import { RELAYED_CHANNEL } from './relayed';
import { handleRoomRequests } from './rooms';
import type { GatewayServer } from './types';

/** A burst of holds on one date becomes at most one read per window (cluster-wide). */
export const COALESCE_MS = 150;

export interface RealtimeGatewayOptions {
  db: Db;
  redisUrl: string;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Origins whose pages may connect (the booking site's, the console's). */
  allowedOrigins: string[];
  /** Verifies the room tokens the API signs. */
  tokenSecret: string;
  /** Namespace of the gateway's Redis keys and adapter channels: one per environment (and test). */
  keyPrefix: string;
  inventoryChannel?: string;
  relayedChannel?: string;
  coalesceMs?: number;
  log: Logger;
}

export interface RealtimeGateway {
  io: GatewayServer;
  port: number;
  /** Disconnects clients, stops the HTTP server and the feeds, then closes every Redis client. */
  close(): Promise<void>;
}

/**
 * The Socket.IO gateway (ARCHITECTURE.md, "Realtime"): rooms per date, per org and per
 * booking, fed by the API's inventory changes and the relay's outbox events, shared by all
 * instances through the Redis adapter.
 */
export async function startRealtimeGateway(
  options: RealtimeGatewayOptions,
): Promise<RealtimeGateway> {
  const { db, log, keyPrefix } = options;
  const redis = createRealtimeRedis(options.redisUrl, keyPrefix, log);
  const http = createServer();
  const allowed = new Set(options.allowedOrigins.map((origin) => new URL(origin).origin));
  const io: GatewayServer = new Server(http, {
    cors: { origin: [...allowed], methods: ['GET', 'POST'] },
    // CORS does not cover WebSockets: a page from another site is refused by its Origin here.
    // Clients outside browsers send none (servers, the benchmark) and are let in.
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      callback(null, origin === undefined || allowed.has(origin));
    },
    adapter: createAdapter(redis.commands, redis.adapterSubscriber, {
      key: `${keyPrefix}:socket.io`,
    }),
    // Pushes only go one way and are small: no need for HTTP long-polling upgrades to linger.
    serveClient: false,
  });
  handleRoomRequests(io, options.tokenSecret, log);

  let availability: Awaited<ReturnType<typeof startAvailabilityFeed>> | undefined;
  async function close(): Promise<void> {
    await availability?.close();
    // io.close() disconnects the sockets, closes the adapter and the HTTP server.
    await new Promise<void>((resolve) => {
      void io.close(() => resolve());
    });
    await redis.close();
  }

  try {
    availability = await startAvailabilityFeed({
      io,
      db,
      redis,
      channel: options.inventoryChannel ?? INVENTORY_CHANNEL,
      keyPrefix,
      coalesceMs: options.coalesceMs ?? COALESCE_MS,
      log,
    });
    await startBookingFeed({
      io,
      db,
      redis,
      channel: options.relayedChannel ?? RELAYED_CHANNEL,
      keyPrefix,
      log,
    });
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('gateway has no TCP port');
  return { io, port: address.port, close };
}
