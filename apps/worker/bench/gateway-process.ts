/**
 * One gateway instance of the realtime benchmark, in its own process (as in production: the
 * clients' CPU is not the gateway's). Configured over IPC; answers with its port; on request,
 * emits a bare broadcast (the baseline) stamped with the time it was sent.
 */
import { createDb } from '@tessera/db';
import { createLogger } from '../src/log';
import { startRealtimeGateway } from '../src/realtime/gateway';
import type { AvailabilityEvent } from '@tessera/api/realtime';
import { now } from './figures';

export interface GatewayProcessConfig {
  databaseUrl: string;
  redisUrl: string;
  keyPrefix: string;
}

export type GatewayProcessRequest =
  { kind: 'broadcast'; room: string; payload: AvailabilityEvent } | { kind: 'close' };

async function start(config: GatewayProcessConfig) {
  const db = createDb(config.databaseUrl, { max: 2 });
  const gateway = await startRealtimeGateway({
    db,
    redisUrl: config.redisUrl,
    port: 0,
    host: '127.0.0.1',
    allowedOrigins: [],
    tokenSecret: 'benchmark-secret-of-at-least-32-characters',
    keyPrefix: config.keyPrefix,
    log: createLogger('warn', 'gateway (bench)'),
  });
  process.on('message', (request: GatewayProcessRequest) => {
    if (request.kind === 'broadcast') {
      // A payload of a real push's size; the send time rides in `remaining` (realtime.ts reads it).
      gateway.io.to(request.room).emit('availability', { ...request.payload, remaining: now() });
    } else {
      void gateway.close().then(async () => {
        await db.destroy();
        process.exit(0);
      });
    }
  });
  process.send?.({ port: gateway.port });
}

process.once('message', (config: GatewayProcessConfig) => void start(config));
