import { createStripeWebhookHandler } from '@tessera/api/next';

export const POST = createStripeWebhookHandler();
