import type { FormState } from '~/lib/form-state';

/** A form's outcome, announced to screen readers where it appears. */
export function FormStatus({ state }: { state: Pick<FormState, 'outcome' | 'message'> }) {
  return (
    <p
      role="status"
      className={state.outcome === 'refused' ? 'text-sm text-red-700' : 'text-sm text-slate-700'}
    >
      {state.message}
    </p>
  );
}
