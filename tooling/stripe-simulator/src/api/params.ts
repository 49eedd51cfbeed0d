import { z } from 'zod';
import { StripeApiError } from '../http/errors';
import { type FormObject } from '../http/form-body';

/**
 * Request parameter schemas. Form bodies carry only strings, so numbers are parsed here.
 * Objects are strict: a parameter the simulator does not model is refused, as Stripe
 * refuses unknown parameters, rather than silently ignored.
 */

const integer = z
  .string()
  .regex(/^-?\d+$/, 'Invalid integer')
  .transform(Number);
const positiveInteger = integer.refine((value) => value > 0, 'Must be a positive integer');
const metadata = z.record(z.string(), z.string().max(500)).default({});
const expand = z.array(z.string()).optional();

export const CreateCheckoutSessionParams = z.strictObject({
  mode: z.literal('payment', { error: 'The simulator supports only `mode=payment`.' }),
  line_items: z
    .array(
      z.strictObject({
        price_data: z.strictObject({
          currency: z
            .string()
            .regex(/^[a-zA-Z]{3}$/, 'Invalid currency')
            .transform((currency) => currency.toLowerCase()),
          unit_amount: integer.refine((value) => value >= 0, 'Must be zero or more'),
          product_data: z.strictObject({
            name: z.string().min(1),
            description: z.string().optional(),
          }),
        }),
        quantity: positiveInteger,
      }),
    )
    .min(1),
  customer_email: z.email().optional(),
  success_url: z.url().optional(),
  cancel_url: z.url().optional(),
  metadata,
  client_reference_id: z.string().max(200).optional(),
  expires_at: integer.optional(),
  payment_intent_data: z.strictObject({ metadata }).optional(),
  payment_method_types: z.array(z.literal('card')).optional(),
  expand,
});

export const ExpandParams = z.strictObject({ expand });

export const ListParams = z.strictObject({
  limit: integer
    .refine((value) => value >= 1 && value <= 100, 'Must be between 1 and 100')
    .default(10),
  starting_after: z.string().optional(),
  ending_before: z.string().optional(),
  expand,
});

const range = z.union([
  integer,
  z.strictObject({
    gt: integer.optional(),
    gte: integer.optional(),
    lt: integer.optional(),
    lte: integer.optional(),
  }),
]);

export const ListEventsParams = ListParams.extend({
  type: z.string().optional(),
  types: z.array(z.string()).optional(),
  created: range.optional(),
});

export const CreateRefundParams = z.strictObject({
  payment_intent: z.string().optional(),
  charge: z.string().optional(),
  amount: positiveInteger.optional(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  metadata,
  expand,
});

/** Bracket notation for a parameter path: `line_items[0][quantity]`. */
function paramName(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return `${head ?? ''}${rest.map((segment) => `[${segment}]`).join('')}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = input;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

/** Validates parameters, answering the first problem the way Stripe does (400, `param`). */
export function parseParams<T extends z.ZodType>(schema: T, input: FormObject): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new StripeApiError(400, 'invalid_request_error', 'Invalid request parameters.');
  if (issue.code === 'unrecognized_keys') {
    const param = paramName([...issue.path, issue.keys[0] ?? '']);
    throw new StripeApiError(400, 'invalid_request_error', `Received unknown parameter: ${param}`, {
      code: 'parameter_unknown',
      param,
    });
  }
  const param = paramName(issue.path);
  if (valueAt(input, issue.path) === undefined) {
    throw new StripeApiError(400, 'invalid_request_error', `Missing required param: ${param}.`, {
      code: 'parameter_missing',
      param,
    });
  }
  throw new StripeApiError(400, 'invalid_request_error', `Invalid ${param}: ${issue.message}`, {
    code: 'parameter_invalid',
    param,
  });
}
