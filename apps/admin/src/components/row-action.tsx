'use client';

import { Button } from '@tessera/ui';
import { useActionState } from 'react';

/** What a row's server action answers: shown next to its button. */
export interface RowActionState {
  outcome: 'done' | 'refused' | null;
  message: string;
}

const initial: RowActionState = { outcome: null, message: '' };

/** One button acting on one table row (retry a job, disable an endpoint), its outcome beside it. */
export function RowAction({
  action,
  fields,
  label,
  accessibleLabel,
}: {
  action: (previous: RowActionState, form: FormData) => Promise<RowActionState>;
  fields: Record<string, string>;
  label: string;
  accessibleLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button
        type="submit"
        size="sm"
        variant="secondary"
        pending={pending}
        aria-label={accessibleLabel}
      >
        {label}
      </Button>
      <span
        role="status"
        className={state.outcome === 'refused' ? 'text-sm text-red-700' : 'text-sm text-slate-700'}
      >
        {state.message}
      </span>
    </form>
  );
}
