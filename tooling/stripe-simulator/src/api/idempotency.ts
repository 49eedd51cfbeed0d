import { StripeApiError } from '../http/errors';

export interface StoredResponse {
  status: number;
  body: string;
}

interface Entry extends StoredResponse {
  fingerprint: string;
}

/**
 * `Idempotency-Key` on POST: a repeated key returns the first response, and a key reused
 * with another path or other parameters is refused, as Stripe does. Kept for the
 * simulator's lifetime (Stripe keeps keys for 24 hours).
 */
export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  replay(key: string, path: string, body: string): StoredResponse | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.fingerprint !== `${path}\n${body}`) {
      throw new StripeApiError(
        400,
        'idempotency_error',
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    return { status: entry.status, body: entry.body };
  }

  remember(key: string, path: string, body: string, response: StoredResponse): void {
    // Server errors are not final; Stripe lets a retry with the same key run again.
    if (response.status >= 500) return;
    this.entries.set(key, { fingerprint: `${path}\n${body}`, ...response });
  }
}
