/**
 * The Stripe objects the simulator serves. Only the fields Tessera reads are typed
 * precisely; the factories fill the rest of each object's fields with Stripe's defaults
 * (see /work/shared/reference/stripe-fixtures.json) so responses have Stripe's shape.
 */
export type Metadata = Record<string, string>;

interface StripeObjectBase {
  id: string;
  created: number;
  livemode: false;
  [field: string]: unknown;
}

export interface CheckoutSession extends StripeObjectBase {
  object: 'checkout.session';
  mode: 'payment';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  url: string | null;
  success_url: string | null;
  cancel_url: string | null;
  customer_email: string | null;
  customer_details: CustomerDetails | null;
  client_reference_id: string | null;
  metadata: Metadata;
  payment_intent: string | null;
  expires_at: number;
}

export interface CustomerDetails {
  address: null;
  email: string | null;
  name: string | null;
  phone: null;
  tax_exempt: 'none';
  tax_ids: [];
  business_name: null;
  individual_name: null;
}

export interface LineItem {
  id: string;
  object: 'item';
  amount_discount: number;
  amount_subtotal: number;
  amount_tax: number;
  amount_total: number;
  currency: string;
  description: string;
  price: Price;
  quantity: number;
}

export interface Price {
  id: string;
  object: 'price';
  active: false;
  billing_scheme: 'per_unit';
  created: number;
  currency: string;
  livemode: false;
  lookup_key: null;
  metadata: Metadata;
  nickname: null;
  product: string;
  recurring: null;
  tax_behavior: 'unspecified';
  tiers_mode: null;
  transform_quantity: null;
  type: 'one_time';
  unit_amount: number;
  unit_amount_decimal: string;
}

export interface PaymentError {
  type: 'card_error';
  code: 'card_declined';
  decline_code: 'generic_decline';
  message: string;
  charge: string;
  doc_url: string;
}

export interface PaymentIntent extends StripeObjectBase {
  object: 'payment_intent';
  status: 'requires_payment_method' | 'succeeded';
  amount: number;
  amount_received: number;
  currency: string;
  latest_charge: string | null;
  last_payment_error: PaymentError | null;
  metadata: Metadata;
}

export interface Charge extends StripeObjectBase {
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  currency: string;
  paid: boolean;
  refunded: boolean;
  disputed: boolean;
  status: 'succeeded' | 'failed';
  payment_intent: string;
  failure_code: string | null;
  failure_message: string | null;
  metadata: Metadata;
  refunds: { object: 'list'; data: Refund[]; has_more: false; url: string };
}

export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer';

export interface Refund extends StripeObjectBase {
  object: 'refund';
  amount: number;
  charge: string;
  currency: string;
  payment_intent: string;
  reason: RefundReason | null;
  status: 'succeeded';
  metadata: Metadata;
}

export interface Dispute extends StripeObjectBase {
  object: 'dispute';
  amount: number;
  charge: string;
  currency: string;
  payment_intent: string;
  reason: string;
  status: 'warning_needs_response' | 'needs_response';
}

export type StripeObject = CheckoutSession | PaymentIntent | Charge | Refund | Dispute;

export type EventType =
  | 'checkout.session.completed'
  | 'checkout.session.expired'
  | 'payment_intent.succeeded'
  | 'payment_intent.payment_failed'
  | 'charge.refunded'
  | 'refund.created'
  | 'charge.dispute.created';

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: StripeObject };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: EventType;
}

export interface StripeList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}
