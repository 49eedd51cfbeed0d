import type { ApiKeys } from '@tessera/db';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context';
import { recordApiKeyCall } from './domain/api-keys/audit';
import { sharedRateLimit } from './domain/holds/rate-limit';
import { apiKeyStaffMember, membershipFor, type StaffMember } from './domain/access/membership';
import { roleCan, type Permission } from './domain/access/permissions';
import { AppError, APP_ERROR_CODES, fieldErrorsOf, type AppErrorCode } from './errors';
import { transformer } from './transformer';

/** "email: Invalid email address; password: Too small: expected at least 8 characters" */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

/** What a procedure declares about itself; read by the middlewares below. */
export interface ProcedureMeta {
  /** The scope an API key needs for this public procedure (guests and users need none). */
  keyScope?: ApiKeyScope;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const zodError = cause instanceof ZodError ? cause : null;
      const appCode: AppErrorCode | null =
        cause instanceof AppError ? cause.code : zodError ? 'VALIDATION' : null;
      // Unexpected failures (a driver error, a bug) must not leak internals to callers.
      const internal = error.code === 'INTERNAL_SERVER_ERROR' && appCode === null;
      return {
        ...shape,
        message: zodError
          ? `Invalid input: ${describeZodError(zodError)}`
          : internal
            ? 'Something went wrong on our side. Please try again in a moment.'
            : shape.message,
        data: {
          ...shape.data,
          appCode,
          fieldErrors: zodError ? fieldErrorsOf(zodError) : null,
          details: cause instanceof AppError ? (cause.details ?? null) : null,
          // Stack traces stay on the server.
          stack: undefined,
        },
      };
    },
  });

/** Domain errors become tRPC errors with the matching code and the domain's message. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: APP_ERROR_CODES[cause.code], message: cause.message, cause });
  }
  return result;
});

/**
 * Calls made with an API key: refused when the procedure asks for a scope the key lacks,
 * counted against the key's budget (fail open, like every limiter here), and each call that
 * reached its procedure, read or change, answered or refused, is written to the audit log
 * under the key with its outcome.
 */
const apiKeyUsage = t.middleware(async ({ ctx, type, path, meta, next }) => {
  const { actor } = ctx;
  if (actor.kind !== 'apiKey') return next();
  if (meta?.keyScope && !actor.scopes.includes(meta.keyScope))
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `This API key lacks the ${meta.keyScope} scope.`,
    });
  await sharedRateLimit(ctx.redis, 'api-key', ctx.engine.apiKeyCallsPerMinute).consume(
    actor.apiKeyId,
  );
  const result = await next();
  const cause = result.ok ? undefined : result.error.cause;
  const outcome = result.ok ? 'ok' : cause instanceof AppError ? cause.code : result.error.code;
  await recordApiKeyCall(ctx.db, actor, { path, type, outcome }, ctx.requestId);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(domainErrors).use(apiKeyUsage);
/** Public reads of the catalog and availability; a key needs `catalog:read`. */
export const catalogProcedure = publicProcedure.meta({ keyScope: 'catalog:read' });
/** Public holds, bookings and waitlist calls; a key needs `bookings:write`. */
export const bookingProcedure = publicProcedure.meta({ keyScope: 'bookings:write' });

const signInRequired = () =>
  new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in to continue.' });

/** A signed-in person (customer or staff acting as a customer). */
export const customerProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== 'user') throw signInRequired();
  return next({ ctx: { ...ctx, user: { id: ctx.actor.userId } } });
});

/**
 * Who acts as staff: a member, whose org comes from their membership (the `x-tessera-org`
 * header only chooses among them), or an org's API key with admin scopes, in its own org.
 * Client input never decides scope.
 */
async function staffMemberOf({ actor, db, requestedOrgId }: Context): Promise<StaffMember> {
  if (actor.kind === 'guest') throw signInRequired();
  const staff =
    actor.kind === 'apiKey'
      ? apiKeyStaffMember(actor)
      : await membershipFor(db, actor.userId, requestedOrgId);
  if (!staff) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message:
        actor.kind === 'apiKey'
          ? 'This API key lacks the admin:read scope.'
          : 'This is only available to operator staff.',
    });
  }
  return staff;
}

/** Staff of an org holding `permission`: by their role, or by the key's admin scopes. */
export const staffProcedure = (permission: Permission) =>
  publicProcedure.use(async ({ ctx, next }) => {
    const staff = await staffMemberOf(ctx);
    if (!roleCan(staff.role, permission)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message:
          ctx.actor.kind === 'apiKey'
            ? `This API key's scopes (${ctx.actor.scopes.join(', ')}) do not allow this (${permission}).`
            : `Your role (${staff.role}) does not allow this (${permission}).`,
      });
    }
    return next({ ctx: { ...ctx, staff } });
  });

export type ApiKeyScope = ApiKeys['scopes'][number];

/** A call made with an org's API key (`Authorization: Bearer`) that carries `scope`. */
export const apiKeyProcedure = (scope: ApiKeyScope) =>
  publicProcedure.use(({ ctx, next }) => {
    if (ctx.actor.kind !== 'apiKey') {
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: 'This call needs an API key (Authorization: Bearer <key>).',
      });
    }
    if (!ctx.actor.scopes.includes(scope)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This API key lacks the ${scope} scope.` });
    }
    const { apiKeyId, orgId, scopes } = ctx.actor;
    return next({ ctx: { ...ctx, apiKey: { id: apiKeyId, orgId, scopes } } });
  });
