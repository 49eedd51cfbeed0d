/** Where this suite's console keeps its data: its own database and BullMQ key prefix. */
export const ADMIN_E2E_DATABASE = 'tessera_e2e_admin';
export const E2E_QUEUE_PREFIX = 'tessera-e2e-admin';

/** Where the suite serves the built console. */
export const CONSOLE_PORT = 3101;
export const CONSOLE_URL = `http://127.0.0.1:${CONSOLE_PORT}`;

/** The suite's realtime gateway (the site's suite uses 3130). */
export const E2E_REALTIME_PORT = 3131;
