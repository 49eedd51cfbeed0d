import { defineAppSuite } from '@tessera/playwright-config';
import { BOOKING_SITE_URL } from './e2e/booking-site';
import { ADMIN_E2E_DATABASE, CONSOLE_PORT, CONSOLE_URL, E2E_QUEUE_PREFIX } from './e2e/suite';

export default defineAppSuite({
  port: CONSOLE_PORT,
  databaseName: ADMIN_E2E_DATABASE,
  // The booking site a refused customer is sent to (not started: only the link is checked).
  env: {
    PUBLIC_SITE_URL: BOOKING_SITE_URL,
    QUEUE_PREFIX: E2E_QUEUE_PREFIX,
    // Invitation emails link back to the console under test.
    CONSOLE_URL,
  },
});
