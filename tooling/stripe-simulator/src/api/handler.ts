import { type IncomingMessage, type ServerResponse } from 'node:http';
import { StripeApiError } from '../http/errors';
import { FormBodyError, parseFormBody } from '../http/form-body';
import { readBody } from '../http/io';
import { newId } from '../objects/ids';
import { authenticate } from './auth';
import { IdempotencyCache, type StoredResponse } from './idempotency';
import { type ApiContext, apiRoutes } from './routes';

function errorResponse(error: unknown): StoredResponse {
  const apiError =
    error instanceof StripeApiError
      ? error
      : error instanceof FormBodyError
        ? new StripeApiError(400, 'invalid_request_error', error.message, { param: error.param })
        : new StripeApiError(500, 'api_error', `The Stripe simulator failed: ${String(error)}`);
  return { status: apiError.status, body: JSON.stringify(apiError.toBody(), null, 2) };
}

function write(
  res: ServerResponse,
  response: StoredResponse,
  headers: Record<string, string>,
): void {
  res.writeHead(response.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(response.body),
    ...headers,
  });
  res.end(response.body);
}

/** `/v1/...`: authentication, idempotency, parameters, and Stripe's error shape. */
export function createApiHandler(ctx: ApiContext) {
  const idempotency = new IdempotencyCache();

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const requestId = newId.request();
    const headers = {
      'Request-Id': requestId,
      'Stripe-Version': req.headers['stripe-version']?.toString() ?? '',
    };
    const method = req.method ?? 'GET';
    const keyHeader = req.headers['idempotency-key'];
    const idempotencyKey =
      method === 'POST' && typeof keyHeader === 'string' && keyHeader !== '' ? keyHeader : null;
    let body = '';
    try {
      authenticate(req.headers);
      body = method === 'POST' ? await readBody(req) : url.searchParams.toString();
      if (idempotencyKey) {
        const replay = idempotency.replay(idempotencyKey, url.pathname, body);
        if (replay)
          return write(res, replay, {
            ...headers,
            'Idempotent-Replayed': 'true',
            'Idempotency-Key': idempotencyKey,
          });
      }
    } catch (error) {
      return write(res, errorResponse(error), headers);
    }

    let response: StoredResponse;
    try {
      const route = apiRoutes.match(method, url.pathname);
      if (!route) {
        throw new StripeApiError(
          404,
          'invalid_request_error',
          `Unrecognized request URL (${method}: ${url.pathname}). The Stripe simulator implements only the endpoints in its README.`,
        );
      }
      const result = route.handler(ctx, {
        params: parseFormBody(body),
        param: route.param,
        request: { id: requestId, idempotency_key: idempotencyKey },
        path: url.pathname,
      });
      response = { status: 200, body: JSON.stringify(result, null, 2) };
    } catch (error) {
      response = errorResponse(error);
    }
    if (idempotencyKey) idempotency.remember(idempotencyKey, url.pathname, body, response);
    write(
      res,
      response,
      idempotencyKey ? { ...headers, 'Idempotency-Key': idempotencyKey } : headers,
    );
  };
}
