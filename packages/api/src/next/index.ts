export { createAuth, type AuthApp } from './auth';
export { safeRedirectPath } from './redirect';
export { createServerApi } from './server-api';
export { createTrpcHandler } from './trpc-handler';
export { createStripeWebhookHandler } from './stripe-webhook';
export { createRestHandler } from './rest-handler';
