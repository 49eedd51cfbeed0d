'use client';

import { Button, type ButtonVariant } from '@tessera/ui';
import { useActionState, type ReactNode } from 'react';
import type { RowActionState } from './row-action';

const initial: RowActionState = { outcome: null, message: '' };

/** A form for one action with its own fields (an amount, a note), its outcome announced below. */
export function ActionForm({
  action,
  fields = {},
  label,
  variant = 'secondary',
  children,
}: {
  action: (previous: RowActionState, form: FormData) => Promise<RowActionState>;
  fields?: Record<string, string>;
  label: string;
  variant?: ButtonVariant;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div>
        <Button type="submit" variant={variant} pending={pending}>
          {label}
        </Button>
      </div>
      <p
        role="status"
        className={state.outcome === 'refused' ? 'text-sm text-red-700' : 'text-sm text-slate-700'}
      >
        {state.message}
      </p>
    </form>
  );
}
