import { defineAppSuite } from '@tessera/playwright-config';
import { BOOKING_SITE_URL } from './e2e/booking-site';

export default defineAppSuite({
  port: 3101,
  databaseName: 'tessera_e2e_admin',
  // The booking site a refused customer is sent to (not started: only the link is checked).
  env: { PUBLIC_SITE_URL: BOOKING_SITE_URL },
});
