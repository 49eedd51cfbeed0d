import { resourceMissing } from '../http/errors';
import { type FormObject } from '../http/form-body';
import { Router } from '../http/router';
import {
  createCheckoutSession,
  createRefund,
  expireSession,
  findPaymentIntent,
  findRefund,
  findSession,
} from '../payments';
import { type Action, type RequestInfo, type Store } from '../store';
import { expandFields } from './expand';
import { filterEvents, paginate } from './lists';
import {
  CreateCheckoutSessionParams,
  CreateRefundParams,
  ExpandParams,
  ListEventsParams,
  ListParams,
  parseParams,
} from './params';

export interface ApiContext {
  store: Store;
  publicUrl: string;
  /** Runs one action and hands the events it emitted to the webhook dispatcher. */
  run<T>(request: RequestInfo, work: (action: Action) => T): T;
}

export interface ApiCall {
  params: FormObject;
  param: (name: string) => string;
  request: RequestInfo;
  path: string;
}

/** Returns the response object (HTTP 200) or throws a StripeApiError. */
export type ApiHandler = (ctx: ApiContext, call: ApiCall) => unknown;

export const apiRoutes = new Router<ApiHandler>()
  .on('POST', '/v1/checkout/sessions', (ctx, call) => {
    const params = parseParams(CreateCheckoutSessionParams, call.params);
    const session = createCheckoutSession(ctx.store, ctx.publicUrl, {
      lineItems: params.line_items.map((item) => ({
        name: item.price_data.product_data.name,
        currency: item.price_data.currency,
        unitAmount: item.price_data.unit_amount,
        quantity: item.quantity,
      })),
      customerEmail: params.customer_email ?? null,
      clientReferenceId: params.client_reference_id ?? null,
      successUrl: params.success_url ?? null,
      cancelUrl: params.cancel_url ?? null,
      metadata: params.metadata,
      paymentIntentMetadata: params.payment_intent_data?.metadata ?? {},
      expiresAt: params.expires_at ?? null,
    });
    return expandFields(ctx.store, session, params.expand);
  })
  .on('GET', '/v1/checkout/sessions/:id', (ctx, call) => {
    const { expand } = parseParams(ExpandParams, call.params);
    return expandFields(ctx.store, findSession(ctx.store, call.param('id')), expand);
  })
  .on('POST', '/v1/checkout/sessions/:id/expire', (ctx, call) => {
    const { expand } = parseParams(ExpandParams, call.params);
    const session = ctx.run(call.request, (action) =>
      expireSession(ctx.store, action, call.param('id')),
    );
    return expandFields(ctx.store, session, expand);
  })
  .on('GET', '/v1/checkout/sessions/:id/line_items', (ctx, call) => {
    const page = parseParams(ListParams, call.params);
    const session = findSession(ctx.store, call.param('id'));
    return paginate(ctx.store.lineItems.get(session.id) ?? [], page, call.path, 'line_item');
  })
  .on('GET', '/v1/payment_intents/:id', (ctx, call) => {
    const { expand } = parseParams(ExpandParams, call.params);
    return expandFields(ctx.store, findPaymentIntent(ctx.store, call.param('id')), expand);
  })
  .on('GET', '/v1/charges/:id', (ctx, call) => {
    const { expand } = parseParams(ExpandParams, call.params);
    const charge = ctx.store.charges.get(call.param('id'));
    if (!charge) throw resourceMissing('charge', call.param('id'), 'charge');
    return expandFields(ctx.store, charge, expand);
  })
  .on('POST', '/v1/refunds', (ctx, call) => {
    const params = parseParams(CreateRefundParams, call.params);
    const refund = ctx.run(call.request, (action) =>
      createRefund(ctx.store, action, {
        paymentIntent: params.payment_intent,
        charge: params.charge,
        amount: params.amount,
        reason: params.reason,
        metadata: params.metadata,
      }),
    );
    return expandFields(ctx.store, refund, params.expand);
  })
  .on('GET', '/v1/refunds/:id', (ctx, call) => {
    const { expand } = parseParams(ExpandParams, call.params);
    return expandFields(ctx.store, findRefund(ctx.store, call.param('id')), expand);
  })
  .on('GET', '/v1/events', (ctx, call) => {
    const params = parseParams(ListEventsParams, call.params);
    return paginate(filterEvents(ctx.store.events, params), params, call.path, 'event');
  })
  .on('GET', '/v1/events/:id', (ctx, call) => {
    const event = ctx.store.events.find((candidate) => candidate.id === call.param('id'));
    if (!event) throw resourceMissing('event', call.param('id'));
    return event;
  });
