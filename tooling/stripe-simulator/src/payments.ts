import { StripeApiError, invalidParam, resourceMissing } from './http/errors';
import * as make from './objects/factories';
import { newId, unixNow } from './objects/ids';
import {
  type Charge,
  type CheckoutSession,
  type Dispute,
  type Metadata,
  type PaymentIntent,
  type Refund,
  type RefundReason,
} from './objects/types';
import { type Action, type Store } from './store';

/**
 * What happens to sessions, payments, refunds and disputes. Nothing here knows about
 * HTTP: the API routes, the checkout page and the test controls all call these.
 */

export interface CreateCheckoutSessionInput {
  lineItems: make.NewLineItem[];
  customerEmail: string | null;
  clientReferenceId: string | null;
  successUrl: string | null;
  cancelUrl: string | null;
  metadata: Metadata;
  paymentIntentMetadata: Metadata;
  expiresAt: number | null;
}

export function createCheckoutSession(
  store: Store,
  publicUrl: string,
  input: CreateCheckoutSessionInput,
): CheckoutSession {
  const currencies = new Set(input.lineItems.map((item) => item.currency));
  const [currency] = currencies;
  if (!currency || currencies.size > 1) {
    throw invalidParam('line_items', 'All line items must use the same currency.');
  }
  const now = unixNow();
  const expiresAt = input.expiresAt ?? now + 24 * 3600;
  // Stripe's own bounds: 30 minutes to 24 hours from creation (a few seconds of slack).
  if (expiresAt < now + 30 * 60 - 5 || expiresAt > now + 24 * 3600 + 5) {
    throw invalidParam(
      'expires_at',
      'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
    );
  }
  const lineItems = input.lineItems.map(make.lineItem);
  const session = make.checkoutSession({
    id: newId.checkoutSession(),
    publicUrl,
    lineItems,
    currency,
    customerEmail: input.customerEmail,
    clientReferenceId: input.clientReferenceId,
    successUrl: input.successUrl,
    cancelUrl: input.cancelUrl,
    metadata: input.metadata,
    expiresAt,
  });
  store.sessions.set(session.id, session);
  store.lineItems.set(session.id, lineItems);
  store.sessionIntentMetadata.set(session.id, input.paymentIntentMetadata);
  return session;
}

export function findSession(store: Store, id: string): CheckoutSession {
  const session = store.sessions.get(id);
  if (!session) throw resourceMissing('checkout.session', id, 'session');
  return session;
}

export function findPaymentIntent(store: Store, id: string, param = 'intent'): PaymentIntent {
  const intent = store.paymentIntents.get(id);
  if (!intent) throw resourceMissing('payment_intent', id, param);
  return intent;
}

function expire(store: Store, action: Action, session: CheckoutSession): void {
  session.status = 'expired';
  session.url = null;
  store.emit(action, 'checkout.session.expired', session);
}

export function expireSession(store: Store, action: Action, id: string): CheckoutSession {
  const session = findSession(store, id);
  if (session.status !== 'open') {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
    );
  }
  expire(store, action, session);
  return session;
}

/** Expires open sessions whose `expires_at` has passed, as Stripe does in the background. */
export function expireDueSessions(store: Store, action: Action): void {
  const now = unixNow();
  for (const session of store.sessions.values()) {
    if (session.status === 'open' && session.expires_at <= now) expire(store, action, session);
  }
}

/** Refuses a session that is no longer open, expiring it first if `expires_at` has passed. */
function requireOpen(store: Store, action: Action, session: CheckoutSession): void {
  if (session.status === 'open' && session.expires_at <= unixNow()) expire(store, action, session);
  if (session.status !== 'open') {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `This Checkout Session is ${session.status} and can no longer be paid.`,
      {
        code: 'checkout_session_not_open',
      },
    );
  }
}

/** Stripe creates a session's PaymentIntent at the first confirmation attempt. */
function intentForSession(store: Store, session: CheckoutSession): PaymentIntent {
  const existing = store.sessionIntents.get(session.id);
  const known = existing ? store.paymentIntents.get(existing) : undefined;
  if (known) return known;
  const intent = make.paymentIntent({
    amount: session.amount_total,
    currency: session.currency,
    metadata: { ...(store.sessionIntentMetadata.get(session.id) ?? {}) },
    receiptEmail: null,
  });
  store.paymentIntents.set(intent.id, intent);
  store.sessionIntents.set(session.id, intent.id);
  return intent;
}

export function paySession(
  store: Store,
  action: Action,
  id: string,
  email?: string,
): CheckoutSession {
  const session = findSession(store, id);
  requireOpen(store, action, session);
  const payerEmail = session.customer_email ?? email ?? 'customer@example.com';
  const intent = intentForSession(store, session);
  const charge = make.charge(intent, 'succeeded', payerEmail);
  store.charges.set(charge.id, charge);
  Object.assign(intent, {
    status: 'succeeded',
    amount_received: intent.amount,
    latest_charge: charge.id,
    last_payment_error: null,
    payment_method: charge.payment_method,
  });
  Object.assign(session, {
    status: 'complete',
    payment_status: 'paid',
    payment_intent: intent.id,
    customer_details: make.customerDetails(payerEmail),
    url: null,
  });
  store.emit(action, 'checkout.session.completed', session);
  store.emit(action, 'payment_intent.succeeded', intent);
  return session;
}

export function declineSession(store: Store, action: Action, id: string): PaymentIntent {
  const session = findSession(store, id);
  requireOpen(store, action, session);
  const intent = intentForSession(store, session);
  const charge = make.charge(intent, 'failed', session.customer_email);
  store.charges.set(charge.id, charge);
  Object.assign(intent, {
    status: 'requires_payment_method',
    latest_charge: charge.id,
    last_payment_error: make.cardDeclinedError(charge.id),
  });
  store.emit(action, 'payment_intent.payment_failed', intent);
  return intent;
}

function succeededCharge(
  store: Store,
  target: { paymentIntent?: string; charge?: string },
): Charge {
  let chargeId = target.charge;
  if (target.paymentIntent) {
    const intent = findPaymentIntent(store, target.paymentIntent, 'payment_intent');
    if (intent.status !== 'succeeded' || !intent.latest_charge) {
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `PaymentIntent ${intent.id} does not have a successful charge to refund.`,
        {
          code: 'charge_not_refundable',
          param: 'payment_intent',
        },
      );
    }
    chargeId = intent.latest_charge;
  }
  if (!chargeId)
    throw invalidParam(
      'payment_intent',
      'One of `payment_intent` or `charge` is required.',
      'parameter_missing',
    );
  const charge = store.charges.get(chargeId);
  if (!charge) throw resourceMissing('charge', chargeId, 'charge');
  if (charge.status !== 'succeeded')
    throw invalidParam('charge', `Charge ${charge.id} did not succeed and cannot be refunded.`);
  return charge;
}

export interface CreateRefundInput {
  paymentIntent?: string;
  charge?: string;
  amount?: number;
  reason?: RefundReason;
  metadata: Metadata;
}

export function createRefund(store: Store, action: Action, input: CreateRefundInput): Refund {
  const charge = succeededCharge(store, input);
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0) {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `Charge ${charge.id} has already been refunded.`,
      {
        code: 'charge_already_refunded',
      },
    );
  }
  const amount = input.amount ?? remaining;
  if (amount > remaining) {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining}).`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }
  const refund = make.refund({
    charge,
    amount,
    reason: input.reason ?? null,
    metadata: input.metadata,
  });
  store.refunds.set(refund.id, refund);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  charge.refunds.data.unshift(refund);
  store.emit(action, 'charge.refunded', charge);
  store.emit(action, 'refund.created', refund);
  return refund;
}

export function findRefund(store: Store, id: string): Refund {
  const refund = store.refunds.get(id);
  if (!refund) throw resourceMissing('refund', id);
  return refund;
}

export function createDispute(
  store: Store,
  action: Action,
  input: { paymentIntent: string; amount?: number; reason?: string },
): Dispute {
  const charge = succeededCharge(store, { paymentIntent: input.paymentIntent });
  const dispute = make.dispute({
    charge,
    amount: input.amount ?? charge.amount,
    reason: input.reason ?? 'fraudulent',
  });
  store.disputes.set(dispute.id, dispute);
  charge.disputed = true;
  store.emit(action, 'charge.dispute.created', dispute);
  return dispute;
}
