import { createEnv } from '@t3-oss/env-core';
import { dbEnv } from '@tessera/db/env';
import { z } from 'zod';

const isProduction = process.env.NODE_ENV === 'production';

/** Development-only value: production refuses to start without a real one. */
const devDefault = (schema: z.ZodString, value: string) =>
  isProduction ? schema : schema.default(value);

/** Public in the source, so anyone could forge tickets signed with it: production refuses it. */
const DEV_TICKET_SIGNING_SECRET = 'tessera-development-ticket-key-do-not-use-in-production';

/**
 * The configuration of every server process (both apps and the worker), validated once.
 * `process.env` is read nowhere else; an invalid value stops the process and names itself.
 */
export const env = createEnv({
  extends: [dbEnv],
  server: {
    REDIS_URL: devDefault(z.string().url(), 'redis://127.0.0.1:6379'),
    AUTH_SECRET: devDefault(
      z.string().min(32),
      'tessera-development-secret-do-not-use-in-production',
    ),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** Anti-hoarding: live holds one client may have at once (0 = no cap, for load tests). */
    HOLDS_MAX_LIVE_PER_CLIENT: z.coerce.number().int().min(0).default(5),
    /** Anti-hoarding: holds.create calls per client per minute (0 = no limit, for load tests). */
    HOLDS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
    /** Calls one API key may make per minute; over it, HTTP 429 with Retry-After (0 = no limit). */
    API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
    /** Where customers come back after paying (the booking site's public address). */
    PUBLIC_SITE_URL: devDefault(z.string().url(), 'http://localhost:3000'),
    /** The staff console's public address: links in staff emails (invitations) open there. */
    CONSOLE_URL: devDefault(z.string().url(), 'http://localhost:3001'),
    /** Stripe: without a key, bookings are paid at the venue (the offline provider). */
    STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    /** Another Stripe API address: the local simulator in development and tests. */
    STRIPE_API_URL: z.string().url().optional(),
    /** How long a Checkout Session stays payable (Stripe allows 30 minutes to 24 hours). */
    STRIPE_PAYMENT_MINUTES: z.coerce.number().int().min(30).max(1440).default(30),
    /** HMAC key of the QR payload on every ticket (domain/tickets/signature.ts); the scanner verifies with it. */
    TICKET_SIGNING_SECRET: devDefault(
      z
        .string()
        .min(32)
        .refine((value) => !isProduction || value !== DEV_TICKET_SIGNING_SECRET, {
          error: 'must not be the development value in production',
        }),
      DEV_TICKET_SIGNING_SECRET,
    ),
    /** Where the worker sends email (smtp:// or smtps://); without it messages are only recorded. */
    SMTP_URL: z.string().url().optional(),
    /** The From address of every email the platform sends. */
    MAIL_FROM: z.string().min(3).default('Tessera <no-reply@tessera.localhost>'),
    /** How long a waiting-list offer holds its places for the customer to claim them. */
    WAITLIST_OFFER_TTL_MINUTES: z.coerce.number().int().min(5).max(10_080).default(60),
    /** Namespace of the worker's BullMQ keys in Redis: one per environment sharing a Redis. */
    QUEUE_PREFIX: z
      .string()
      .regex(/^[\w-]+$/)
      .default('tessera'),
    /** HMAC key of the tokens that let a browser join a private realtime room (org feed, booking). */
    REALTIME_TOKEN_SECRET: devDefault(
      z.string().min(32),
      'tessera-development-realtime-secret-do-not-use-in-production',
    ),
    /**
     * Whether webhooks may go to loopback and private-network addresses: yes in development
     * and tests (receivers on this machine), no in production unless set to `true`.
     */
    WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: z
      .enum(['true', 'false'])
      .default(isProduction ? 'false' : 'true')
      .transform((value) => value === 'true'),
    /** What a worker process runs: the BullMQ side (`queues`), the Socket.IO gateway (`realtime`), or both. */
    WORKER_ROLES: z
      .string()
      .default('queues,realtime')
      .transform((value) => value.split(',').map((role) => role.trim()))
      .pipe(z.array(z.enum(['queues', 'realtime'])).min(1)),
    /** The realtime gateway's port (Socket.IO over HTTP); 0 takes any free one (tests). */
    REALTIME_PORT: z.coerce.number().int().min(0).max(65_535).default(3030),
    /** Origins whose pages may connect to the gateway (comma-separated); PUBLIC_SITE_URL's when unset. */
    REALTIME_ALLOWED_ORIGINS: z
      .string()
      .optional()
      .transform((value) => value?.split(',').map((origin) => origin.trim()))
      .pipe(z.array(z.url()).optional()),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  // `next build` loads server modules without running them; a server checks at start.
  skipValidation: process.env.NEXT_PHASE === 'phase-production-build',
});
