export {
  createStripeSimulator,
  type StripeSimulator,
  type StripeSimulatorOptions,
} from './simulator';
export { type WebhookBehaviour } from './webhooks/dispatcher';
export { signatureHeader } from './webhooks/signing';
export type {
  Charge,
  CheckoutSession,
  Dispute,
  EventType,
  LineItem,
  PaymentIntent,
  Refund,
  StripeEvent,
  StripeList,
} from './objects/types';
