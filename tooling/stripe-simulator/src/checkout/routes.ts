import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type ApiContext } from '../api/routes';
import { StripeApiError } from '../http/errors';
import { parseFormBody } from '../http/form-body';
import { readBody, redirect, sendHtml } from '../http/io';
import { Router } from '../http/router';
import { declineSession, paySession } from '../payments';
import { checkoutPage, notFoundPage } from './page';

type PageHandler = (
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  id: string,
) => Promise<void> | void;

const pagePath = (id: string): string => `/pay/${encodeURIComponent(id)}`;

/** Stripe replaces this template in success_url with the session id. */
const successLocation = (successUrl: string, id: string): string =>
  successUrl.replaceAll('{CHECKOUT_SESSION_ID}', id);

const showPage: PageHandler = (ctx, _req, res, url, id) => {
  const session = ctx.store.sessions.get(id);
  if (!session) return sendHtml(res, 404, notFoundPage());
  const lineItems = ctx.store.lineItems.get(id) ?? [];
  sendHtml(
    res,
    200,
    checkoutPage({ session, lineItems, declined: url.searchParams.get('declined') === '1' }),
  );
};

/** The page's form: one of the three buttons, then Post/Redirect/Get. */
const submitPage: PageHandler = async (ctx, req, res, _url, id) => {
  const session = ctx.store.sessions.get(id);
  if (!session) return sendHtml(res, 404, notFoundPage());
  const form = parseFormBody(await readBody(req));
  const email = typeof form.email === 'string' && form.email !== '' ? form.email : undefined;
  try {
    switch (form.action) {
      case 'pay':
        ctx.run({ id: null, idempotency_key: null }, (action) =>
          paySession(ctx.store, action, id, email),
        );
        return redirect(
          res,
          session.success_url ? successLocation(session.success_url, id) : pagePath(id),
        );
      case 'decline':
        ctx.run({ id: null, idempotency_key: null }, (action) =>
          declineSession(ctx.store, action, id),
        );
        return redirect(res, `${pagePath(id)}?declined=1`);
      case 'cancel':
        return redirect(res, session.cancel_url ?? pagePath(id));
      default:
        return redirect(res, pagePath(id));
    }
  } catch (error) {
    // A session that expired or was paid meanwhile: the page says which.
    if (error instanceof StripeApiError) return redirect(res, pagePath(id));
    throw error;
  }
};

export const checkoutRoutes = new Router<PageHandler>()
  .on('GET', '/pay/:id', showPage)
  .on('POST', '/pay/:id', submitPage);
