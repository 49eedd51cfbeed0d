import { type IncomingMessage } from 'node:http';
import { z } from 'zod';
import { type ApiContext } from '../api/routes';
import { StripeApiError } from '../http/errors';
import { parseFormBody } from '../http/form-body';
import { readBody } from '../http/io';
import { Router } from '../http/router';
import { createDispute, declineSession, paySession } from '../payments';
import { type WebhookBehaviour } from '../webhooks/dispatcher';

/**
 * Test controls under `/_simulator/` (not part of Stripe's API). They take JSON or form
 * bodies and answer JSON, so tests can act for the customer or the card network.
 */
export interface ControlContext extends ApiContext {
  setWebhookBehaviour(change: Partial<WebhookBehaviour>): WebhookBehaviour;
}

type ControlHandler = (
  ctx: ControlContext,
  body: unknown,
  param: (name: string) => string,
) => unknown;

export async function readControlBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  if (req.headers['content-type']?.includes('application/json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new StripeApiError(400, 'invalid_request_error', 'The request body is not valid JSON.');
    }
  }
  return parseFormBody(text);
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new StripeApiError(400, 'invalid_request_error', z.prettifyError(result.error));
}

const toInt = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const PayParams = z.object({ email: z.email().optional() });
const DisputeParams = z.object({
  payment_intent: z.string(),
  amount: toInt.optional(),
  reason: z.string().optional(),
});
const WebhookParams = z.object({
  duplicate: toInt.refine((value) => value <= 10, 'At most 10 extra copies').optional(),
  delayMs: toInt.refine((value) => value <= 60_000, 'At most 60000 ms').optional(),
  reorder: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])
    .optional(),
});

const request = { id: null, idempotency_key: null };

export const controlRoutes = new Router<ControlHandler>()
  .on('POST', '/_simulator/sessions/:id/pay', (ctx, body, param) => {
    const { email } = parse(PayParams, body);
    const session = ctx.run(request, (action) => paySession(ctx.store, action, param('id'), email));
    const intent = session.payment_intent
      ? ctx.store.paymentIntents.get(session.payment_intent)
      : undefined;
    return { session, payment_intent: intent ?? null };
  })
  .on('POST', '/_simulator/sessions/:id/decline', (ctx, _body, param) => {
    const intent = ctx.run(request, (action) => declineSession(ctx.store, action, param('id')));
    return { session: ctx.store.sessions.get(param('id')) ?? null, payment_intent: intent };
  })
  .on('POST', '/_simulator/disputes', (ctx, body) => {
    const params = parse(DisputeParams, body);
    return ctx.run(request, (action) =>
      createDispute(ctx.store, action, {
        paymentIntent: params.payment_intent,
        amount: params.amount,
        reason: params.reason,
      }),
    );
  })
  .on('POST', '/_simulator/webhooks', (ctx, body) => {
    const params = parse(WebhookParams, body);
    const change: Partial<WebhookBehaviour> = {};
    if (params.duplicate !== undefined) change.duplicate = params.duplicate;
    if (params.delayMs !== undefined) change.delayMs = params.delayMs;
    if (params.reorder !== undefined) change.reorder = params.reorder;
    return ctx.setWebhookBehaviour(change);
  });
