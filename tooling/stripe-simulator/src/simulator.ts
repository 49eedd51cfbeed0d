import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createApiHandler } from './api/handler';
import { checkoutRoutes } from './checkout/routes';
import { type ControlContext, controlRoutes, readControlBody } from './control/routes';
import { StripeApiError } from './http/errors';
import { sendHtml, sendJson } from './http/io';
import { type StripeEvent } from './objects/types';
import { expireDueSessions } from './payments';
import { newAction, Store } from './store';
import { type WebhookBehaviour, WebhookDispatcher } from './webhooks/dispatcher';

export interface StripeSimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Host to listen on; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Base of the checkout page URLs handed out in `session.url`; defaults to the listening address. */
  publicUrl?: string;
  /** Where events are POSTed; null or absent sends none. */
  webhookUrl?: string | null;
  webhookSecret: string;
  webhooks?: Partial<WebhookBehaviour> & { maxAttempts?: number; retryBaseMs?: number };
  log?: (message: string) => void;
}

export interface StripeSimulator {
  url: string;
  close(): Promise<void>;
  setWebhookBehaviour(behaviour: Partial<WebhookBehaviour>): void;
  /** Events the webhook receiver acknowledged (2xx), in delivery order, duplicates included. */
  sentEvents(): StripeEvent[];
  /** Resolves once every scheduled webhook delivery, retries included, has finished. */
  flushWebhooks(): Promise<void>;
}

const EXPIRY_SWEEP_MS = 1000;

export async function createStripeSimulator(
  options: StripeSimulatorOptions,
): Promise<StripeSimulator> {
  const log = options.log ?? (() => undefined);
  const dispatcher = new WebhookDispatcher({
    url: options.webhookUrl ?? null,
    secret: options.webhookSecret,
    behaviour: {
      duplicate: options.webhooks?.duplicate ?? 0,
      delayMs: options.webhooks?.delayMs ?? 0,
      reorder: options.webhooks?.reorder ?? false,
    },
    maxAttempts: options.webhooks?.maxAttempts,
    retryBaseMs: options.webhooks?.retryBaseMs,
    log,
  });
  const store = new Store(() => (dispatcher.enabled ? 1 : 0));
  let publicUrl = options.publicUrl?.replace(/\/$/, '') ?? '';

  const ctx: ControlContext = {
    store,
    get publicUrl() {
      return publicUrl;
    },
    run(request, work) {
      const action = newAction(request);
      try {
        return work(action);
      } finally {
        dispatcher.enqueue(action.emitted);
      }
    },
    setWebhookBehaviour: (change) => dispatcher.setBehaviour(change),
  };
  const handleApi = createApiHandler(ctx);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/v1/')) return handleApi(req, res, url);
    const page = checkoutRoutes.match(method, url.pathname);
    if (page) return page.handler(ctx, req, res, url, page.param('id'));
    const control = controlRoutes.match(method, url.pathname);
    if (control) {
      try {
        const result = control.handler(ctx, await readControlBody(req), control.param);
        return sendJson(res, 200, result);
      } catch (error) {
        if (error instanceof StripeApiError) return sendJson(res, error.status, error.toBody());
        throw error;
      }
    }
    if (method === 'GET' && url.pathname === '/')
      return sendHtml(
        res,
        200,
        '<!doctype html><title>Stripe simulator</title><p>Stripe simulator is running.</p>',
      );
    sendJson(res, 404, {
      error: {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${method}: ${url.pathname}).`,
      },
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`request failed: ${String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, {
          error: { type: 'api_error', message: 'The Stripe simulator failed.' },
        });
      else res.destroy();
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!publicUrl) publicUrl = url;

  // Stripe expires open sessions at `expires_at` and sends checkout.session.expired.
  const sweep = setInterval(
    () =>
      ctx.run({ id: null, idempotency_key: null }, (action) => expireDueSessions(store, action)),
    EXPIRY_SWEEP_MS,
  );
  sweep.unref();

  return {
    url,
    async close() {
      clearInterval(sweep);
      await dispatcher.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
    setWebhookBehaviour: (behaviour) => void dispatcher.setBehaviour(behaviour),
    sentEvents: () => dispatcher.sentEvents(),
    flushWebhooks: () => dispatcher.flush(),
  };
}
