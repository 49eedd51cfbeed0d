/**
 * The worker process. Role `queues`: relays the outbox to BullMQ, runs the processors (emails,
 * domain events) and the schedules (hold expiry, Stripe reconciliation). Role `realtime`: the
 * Socket.IO gateway (ARCHITECTURE.md, "Realtime"). WORKER_ROLES chooses; both by default.
 * Stops cleanly on SIGTERM/SIGINT.
 */
import { env } from '@tessera/api/env';
import { configuredPayments } from '@tessera/api/domain/payments/configured';
import { createDb } from '@tessera/db';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { startJobs, type RunningJobs } from './jobs';
import { createLogger } from './log';
import { createSmtpTransport } from './mailer';
import { configuredSmsProvider } from './sms';
import { startRealtimeGateway, type RealtimeGateway } from './realtime/gateway';

/** A stuck close must not keep a stopping process alive forever (deploys wait on it). */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const log = createLogger(env.LOG_LEVEL);
const db = createDb(env.DATABASE_URL, { max: 5 });
// Only proves Redis answers before anything starts; BullMQ gets its own connections.
const probe = new Redis(env.REDIS_URL, {
  lazyConnect: true,
  // Fail fast at startup instead of queueing commands while Redis is unreachable.
  maxRetriesPerRequest: 1,
});
// Without a listener ioredis prints every reconnect error as unhandled; say it once per error.
probe.on('error', (error) => console.error(`worker: redis error: ${error.message}`));
const transport = env.SMTP_URL ? createSmtpTransport(env.SMTP_URL, env.MAIL_FROM) : null;
const sms = configuredSmsProvider();

const roles = new Set(env.WORKER_ROLES);
let stopping = false;
let jobs: RunningJobs | undefined;
let gateway: RealtimeGateway | undefined;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`worker stopping (${signal})`);
  const force = setTimeout(() => {
    console.error(`worker did not stop within ${SHUTDOWN_TIMEOUT_MS} ms; exiting`);
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  force.unref();
  // Workers finish their current job before the database they write to goes away.
  await Promise.allSettled([jobs?.close(), gateway?.close()]);
  transport?.close();
  await Promise.allSettled([probe.quit(), db.destroy()]);
  console.log('worker stopped');
  process.exit(0);
}

// `on`, not `once`: a second signal (tsx relays the one the process group already got)
// must not fall back to the default action and kill the process mid-shutdown.
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

async function start(): Promise<void> {
  // The gateway reads Postgres only when something changes: a gateway alone starts without it.
  if (roles.has('queues')) await sql`select 1`.execute(db);
  await probe.connect();
  await probe.ping();
  if (roles.has('realtime')) {
    const allowedOrigins = env.REALTIME_ALLOWED_ORIGINS ?? [new URL(env.PUBLIC_SITE_URL).origin];
    gateway = await startRealtimeGateway({
      db,
      redisUrl: env.REDIS_URL,
      port: env.REALTIME_PORT,
      allowedOrigins,
      tokenSecret: env.REALTIME_TOKEN_SECRET,
      keyPrefix: `${env.QUEUE_PREFIX}:realtime`,
      log,
    });
    if (stopping) return;
    log.info(`realtime gateway on port ${gateway.port} for ${allowedOrigins.join(', ')}`);
  }
  if (roles.has('queues')) {
    const payments = configuredPayments();
    jobs = await startJobs({
      db,
      redisUrl: env.REDIS_URL,
      prefix: env.QUEUE_PREFIX,
      listenUrl: env.DATABASE_URL,
      transport,
      sms,
      payments,
      log,
    });
    if (stopping) return;
    log.info(
      `outbox relay, queues and schedules running; email ${transport ? 'sent by SMTP' : 'recorded only (no SMTP_URL)'}; ` +
        `SMS ${sms ? 'sent' : 'recorded only (no provider)'}; ` +
        `stripe reconciliation ${payments.stripe ? 'every 5 minutes' : 'off (no STRIPE_SECRET_KEY)'}`,
    );
  }
  console.log(`worker ready (${roles.has('queues') ? 'postgres ok, ' : ''}redis ok)`);
}

start().catch(async (error: unknown) => {
  if (stopping) return; // closing the connections mid-start rejects `start`; shutdown exits.
  console.error(
    `worker failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  await Promise.allSettled([jobs?.close(), gateway?.close()]);
  probe.disconnect();
  await db.destroy().catch(() => undefined);
  process.exit(1);
});
