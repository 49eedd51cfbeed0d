import { fieldErrorsOf } from '@tessera/api/errors';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/** What a console form's server action answers: an outcome, and messages per field path. */
export interface FormState<Result = null> {
  outcome: 'done' | 'refused' | null;
  message: string;
  fieldErrors: Record<string, string[]>;
  result: Result | null;
  /**
   * What was submitted, for the inputs' defaultValue: React resets a form after its action,
   * and a refused form must not lose what was typed. Repeated names are joined by commas.
   */
  values: Record<string, string>;
}

export const initialFormState: FormState<never> = {
  outcome: null,
  message: '',
  fieldErrors: {},
  result: null,
  values: {},
};

function submittedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries())
    if (typeof value === 'string')
      values[name] = name in values ? `${values[name]},${value}` : value;
  return values;
}

/** A number typed in a form; '' is "not given". Not-a-number stays NaN for the API to refuse. */
export function formNumber(form: FormData, name: string): number | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined;
}

/**
 * Runs an API call for a form. Refusals become the form's state: invalid input as messages
 * under each field (the API's dotted paths), other refusals as one message.
 */
export async function submitForm<Result>(
  form: FormData,
  call: () => Promise<{ message: string; result: Result }>,
  { keepValues = false } = {},
): Promise<FormState<Result>> {
  const values = submittedValues(form);
  try {
    const { message, result } = await call();
    return { outcome: 'done', message, fieldErrors: {}, result, values: keepValues ? values : {} };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.cause instanceof ZodError)
      return {
        outcome: 'refused',
        message: 'Check the fields marked below.',
        fieldErrors: fieldErrorsOf(error.cause),
        result: null,
        values,
      };
    return { outcome: 'refused', message: error.message, fieldErrors: {}, result: null, values };
  }
}
