import { newId, unixNow } from './objects/ids';
import {
  type Charge,
  type CheckoutSession,
  type Dispute,
  type EventType,
  type LineItem,
  type Metadata,
  type PaymentIntent,
  type Refund,
  type StripeEvent,
  type StripeObject,
} from './objects/types';

/** The API version the stripe 23.1 SDK sends; events carry it as their `api_version`. */
export const API_VERSION = '2026-10-28.endive';

export interface RequestInfo {
  id: string | null;
  idempotency_key: string | null;
}

/**
 * One action (an API call, a button on the checkout page, a test control) and the events
 * it emitted, in order. The webhook dispatcher delivers each action's events as a batch.
 */
export interface Action {
  request: RequestInfo;
  emitted: StripeEvent[];
}

export const newAction = (request: RequestInfo = { id: null, idempotency_key: null }): Action => ({
  request,
  emitted: [],
});

/** Everything the simulator knows, in memory; lost when the process stops. */
export class Store {
  readonly sessions = new Map<string, CheckoutSession>();
  readonly lineItems = new Map<string, LineItem[]>();
  /** The PaymentIntent of a session, created at the first payment attempt. */
  readonly sessionIntents = new Map<string, string>();
  /** `payment_intent_data[metadata]` of each session, copied to its PaymentIntent. */
  readonly sessionIntentMetadata = new Map<string, Metadata>();
  readonly paymentIntents = new Map<string, PaymentIntent>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  readonly disputes = new Map<string, Dispute>();
  /** Oldest first; the events API lists newest first. */
  readonly events: StripeEvent[] = [];

  constructor(private readonly pendingWebhooks: () => number) {}

  /** Records an event with a snapshot of `object` as it is now. */
  emit(action: Action, type: EventType, object: StripeObject): StripeEvent {
    const event: StripeEvent = {
      id: newId.event(),
      object: 'event',
      api_version: API_VERSION,
      created: unixNow(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: this.pendingWebhooks(),
      request: { ...action.request },
      type,
    };
    this.events.push(event);
    action.emitted.push(event);
    return event;
  }
}
