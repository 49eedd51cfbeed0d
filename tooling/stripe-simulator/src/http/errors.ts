/** Stripe's error body: `{ error: { type, message, code?, param? } }` with an HTTP status. */
export type StripeErrorType =
  'invalid_request_error' | 'api_error' | 'card_error' | 'idempotency_error';

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly extra: { code?: string; param?: string } = {},
  ) {
    super(message);
    this.name = 'StripeApiError';
  }

  toBody(): { error: Record<string, string> } {
    return { error: { type: this.type, message: this.message, ...this.extra } };
  }
}

export const resourceMissing = (objectName: string, id: string, param = 'id'): StripeApiError =>
  new StripeApiError(404, 'invalid_request_error', `No such ${objectName}: '${id}'`, {
    code: 'resource_missing',
    param,
  });

export const invalidParam = (
  param: string,
  message: string,
  code = 'parameter_invalid',
): StripeApiError => new StripeApiError(400, 'invalid_request_error', message, { code, param });
