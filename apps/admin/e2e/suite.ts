/** Where this suite's console keeps its data: its own database and BullMQ key prefix. */
export const ADMIN_E2E_DATABASE = 'tessera_e2e_admin';
export const E2E_QUEUE_PREFIX = 'tessera-e2e-admin';

/** Where the suite serves the built console. */
export const CONSOLE_PORT = 3101;
export const CONSOLE_URL = `http://127.0.0.1:${CONSOLE_PORT}`;

/** The suite's realtime gateway (the site's suite uses 3130). */
export const E2E_REALTIME_PORT = 3131;

/**
 * Card payments (the phone sale paid by link): a second console with Stripe set up, on the
 * Stripe simulator, whose webhooks go to a stand-in for the booking site's endpoint. The
 * main console stays on pay-at-venue, as the other specs expect.
 */
export const CARD_CONSOLE_PORT = 3102;
export const CARD_CONSOLE_URL = `http://127.0.0.1:${CARD_CONSOLE_PORT}`;
export const STRIPE_SIMULATOR_PORT = 12198;
export const STRIPE_SIMULATOR_URL = `http://127.0.0.1:${STRIPE_SIMULATOR_PORT}`;
export const STRIPE_WEBHOOKS_PORT = 3105;
export const STRIPE_WEBHOOK_SECRET = 'whsec_e2e_admin';
