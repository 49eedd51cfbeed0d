import { newId, unixNow } from './ids';
import {
  type Charge,
  type CheckoutSession,
  type CustomerDetails,
  type Dispute,
  type LineItem,
  type Metadata,
  type PaymentError,
  type PaymentIntent,
  type Refund,
  type RefundReason,
} from './types';

/**
 * Factories for Stripe-shaped objects. Fields Tessera does not use keep Stripe's
 * defaults (null, false, empty) so that a client reading them sees what Stripe sends.
 */

const NULL_ADDRESS = {
  city: null,
  country: null,
  line1: null,
  line2: null,
  postal_code: null,
  state: null,
};

export interface NewLineItem {
  name: string;
  currency: string;
  unitAmount: number;
  quantity: number;
}

export function lineItem(input: NewLineItem): LineItem {
  const amount = input.unitAmount * input.quantity;
  return {
    id: newId.lineItem(),
    object: 'item',
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: input.currency,
    description: input.name,
    price: {
      id: newId.price(),
      object: 'price',
      active: false,
      billing_scheme: 'per_unit',
      created: unixNow(),
      currency: input.currency,
      livemode: false,
      lookup_key: null,
      metadata: {},
      nickname: null,
      product: newId.product(),
      recurring: null,
      tax_behavior: 'unspecified',
      tiers_mode: null,
      transform_quantity: null,
      type: 'one_time',
      unit_amount: input.unitAmount,
      unit_amount_decimal: String(input.unitAmount),
    },
    quantity: input.quantity,
  };
}

export function customerDetails(email: string | null): CustomerDetails {
  return {
    address: null,
    email,
    name: null,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
    business_name: null,
    individual_name: null,
  };
}

export interface NewCheckoutSession {
  id: string;
  publicUrl: string;
  lineItems: LineItem[];
  currency: string;
  customerEmail: string | null;
  clientReferenceId: string | null;
  successUrl: string | null;
  cancelUrl: string | null;
  metadata: Metadata;
  expiresAt: number;
}

export function checkoutSession(input: NewCheckoutSession): CheckoutSession {
  const amount = input.lineItems.reduce((sum, item) => sum + item.amount_total, 0);
  return {
    id: input.id,
    object: 'checkout.session',
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: amount,
    amount_total: amount,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: unixNow(),
    currency: input.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: null,
    customer_account: null,
    customer_creation: 'if_required',
    customer_details: input.customerEmail ? customerDetails(input.customerEmail) : null,
    customer_email: input.customerEmail,
    discounts: [],
    expires_at: input.expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: { enabled: false },
    metadata: input.metadata,
    mode: 'payment',
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: input.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: `${input.publicUrl}/pay/${input.id}`,
    wallet_options: null,
  };
}

export interface NewPaymentIntent {
  amount: number;
  currency: string;
  metadata: Metadata;
  receiptEmail: string | null;
}

export function paymentIntent(input: NewPaymentIntent): PaymentIntent {
  const id = newId.paymentIntent();
  return {
    id,
    object: 'payment_intent',
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${newId.secret()}`,
    confirmation_method: 'automatic',
    created: unixNow(),
    currency: input.currency,
    customer: null,
    customer_account: null,
    description: null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: { enabled: false },
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    processing: null,
    receipt_email: input.receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}

const CARD_DECLINED_MESSAGE = 'Your card was declined.';

export function cardDeclinedError(chargeId: string): PaymentError {
  return {
    type: 'card_error',
    code: 'card_declined',
    decline_code: 'generic_decline',
    message: CARD_DECLINED_MESSAGE,
    charge: chargeId,
    doc_url: 'https://stripe.com/docs/error-codes/card-declined',
  };
}

export function charge(
  intent: PaymentIntent,
  outcome: 'succeeded' | 'failed',
  email: string | null,
): Charge {
  const id = newId.charge();
  const succeeded = outcome === 'succeeded';
  return {
    id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: succeeded ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: succeeded ? newId.balanceTransaction() : null,
    billing_details: { address: NULL_ADDRESS, email, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: 'TESSERA',
    captured: succeeded,
    created: unixNow(),
    currency: intent.currency,
    customer: null,
    description: null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: succeeded ? null : 'card_declined',
    failure_message: succeeded ? null : CARD_DECLINED_MESSAGE,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: succeeded
      ? {
          network_status: 'approved_by_network',
          reason: null,
          risk_level: 'normal',
          seller_message: 'Payment complete.',
          type: 'authorized',
        }
      : {
          network_status: 'declined_by_network',
          reason: 'generic_decline',
          risk_level: 'normal',
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        },
    paid: succeeded,
    payment_intent: intent.id,
    payment_method: newId.paymentMethod(),
    payment_method_details: {
      card: {
        brand: 'visa',
        country: 'US',
        exp_month: 12,
        exp_year: 2034,
        funding: 'credit',
        last4: succeeded ? '4242' : '0002',
        network: 'visa',
      },
      type: 'card',
    },
    receipt_email: email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: outcome,
    transfer_data: null,
    transfer_group: null,
  };
}

export function refund(input: {
  charge: Charge;
  amount: number;
  reason: RefundReason | null;
  metadata: Metadata;
}): Refund {
  return {
    id: newId.refund(),
    object: 'refund',
    amount: input.amount,
    balance_transaction: newId.balanceTransaction(),
    charge: input.charge.id,
    created: unixNow(),
    currency: input.charge.currency,
    customer: null,
    customer_account: null,
    destination_details: { card: { type: 'refund' }, type: 'card' },
    livemode: false,
    metadata: input.metadata,
    payment_intent: input.charge.payment_intent,
    payment_method: null,
    reason: input.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}

export function dispute(input: { charge: Charge; amount: number; reason: string }): Dispute {
  return {
    id: newId.dispute(),
    object: 'dispute',
    amount: input.amount,
    balance_transactions: [],
    charge: input.charge.id,
    created: unixNow(),
    currency: input.charge.currency,
    enhanced_eligibility_types: [],
    evidence: {},
    evidence_details: {
      due_by: unixNow() + 7 * 24 * 3600,
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: input.charge.payment_intent,
    payment_method_details: {
      card: { brand: 'visa', case_type: 'chargeback', network_reason_code: '10.4' },
      type: 'card',
    },
    reason: input.reason,
    status: 'needs_response',
  };
}
