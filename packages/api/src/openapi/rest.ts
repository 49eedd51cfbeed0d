import { getErrorShape, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Context } from '../context';
import { retryAfterHeader } from '../next/retry-after';
import { appRouter } from '../router';
import { createCaller } from '../server-caller';
import { toJsonSchema, reviveDates, type JsonSchema } from './json-schema';
import { procedureSchemas } from './procedure-schemas';
import { REST_OPERATIONS, type RestOperation } from './operations';

const PREFIX = '/api/v1';

interface Match {
  operation: RestOperation;
  params: Record<string, string>;
}

function match(method: string, pathname: string): Match | null {
  const segments = pathname.slice(PREFIX.length).split('/').filter(Boolean);
  for (const operation of REST_OPERATIONS) {
    if (operation.method !== method) continue;
    const pattern = operation.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = decodeURIComponent(segments[i] ?? '');
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name) params[name] = segment;
      return name !== undefined || part === segment;
    });
    if (matches) return { operation, params };
  }
  return null;
}

/** A query string value as the field's type wants it ("2" is a number where one is expected). */
function queryValue(raw: string, schema: JsonSchema | boolean | undefined): unknown {
  const type = typeof schema === 'object' ? schema.type : undefined;
  if ((type === 'integer' || type === 'number') && raw.trim() !== '' && !Number.isNaN(Number(raw)))
    return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

async function inputOf(req: Request, { operation, params }: Match): Promise<unknown> {
  const { input } = procedureSchemas(operation.procedure);
  if (!input) return undefined;
  const schema = toJsonSchema(input, 'input');
  let fields: Record<string, unknown> = {};
  if (operation.method === 'POST') {
    const text = await req.text();
    try {
      fields = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'The request body is not JSON.' });
    }
  } else {
    for (const [name, raw] of new URL(req.url).searchParams)
      fields[name] = queryValue(raw, schema.properties?.[name]);
  }
  return reviveDates({ ...fields, ...params }, schema);
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

/**
 * `/api/v1/...`: the public procedures over plain HTTP and JSON, called in-process through
 * the router, so validation, authorization, limits and errors are the tRPC API's own.
 */
export async function handleRestRequest(
  req: Request,
  { context }: { context: () => Promise<Context> },
): Promise<Response> {
  const found = match(req.method, new URL(req.url).pathname);
  if (!found)
    return json(404, {
      error: {
        message: 'No such endpoint: see /api/openapi.json.',
        code: 'NOT_FOUND',
        httpStatus: 404,
        appCode: null,
      },
    });
  let ctx: Context | undefined;
  let input: unknown;
  try {
    ctx = await context();
    input = await inputOf(req, found);
    return json(200, await found.operation.call(createCaller(ctx), input));
  } catch (cause) {
    const error =
      cause instanceof TRPCError ? cause : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause });
    const shape = getErrorShape({
      config: appRouter._def._config,
      error,
      type: found.operation.method === 'GET' ? 'query' : 'mutation',
      path: found.operation.procedure,
      input,
      ctx,
    });
    if (error.code === 'INTERNAL_SERVER_ERROR')
      console.error(`REST ${found.operation.procedure} failed:`, error.cause ?? error);
    const { appCode, fieldErrors, details } = shape.data;
    return json(
      getHTTPStatusCodeFromError(error),
      {
        error: {
          message: shape.message,
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          appCode,
          fieldErrors,
          details,
        },
      },
      retryAfterHeader([error]),
    );
  }
}
