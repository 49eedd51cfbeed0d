import { type IncomingHttpHeaders } from 'node:http';
import { StripeApiError } from '../http/errors';

const TEST_KEY = /^(sk|rk)_test_\S+$/;

/** The secret key from `Authorization: Bearer <key>` (or Basic `<key>:`, as curl -u sends). */
function apiKey(headers: IncomingHttpHeaders): string | null {
  const header = headers.authorization;
  if (!header) return null;
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return value.trim();
  if (scheme?.toLowerCase() === 'basic')
    return Buffer.from(value, 'base64').toString('utf8').split(':')[0] ?? null;
  return null;
}

/** Accepts any test-mode secret or restricted key; the simulator never sees live keys. */
export function authenticate(headers: IncomingHttpHeaders): void {
  const key = apiKey(headers);
  if (!key) {
    throw new StripeApiError(
      401,
      'invalid_request_error',
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (!TEST_KEY.test(key)) {
    throw new StripeApiError(
      401,
      'invalid_request_error',
      `Invalid API Key provided: ${key.slice(0, 8)}****. The Stripe simulator accepts only test keys (sk_test_...).`,
      {
        code: 'api_key_invalid',
      },
    );
  }
}
