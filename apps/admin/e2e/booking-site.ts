/** The customer site's address as the console under test is configured with it. */
export const BOOKING_SITE_URL = 'http://127.0.0.1:3100';
