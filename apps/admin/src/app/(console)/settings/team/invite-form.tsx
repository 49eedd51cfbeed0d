'use client';

import { Button, Field } from '@tessera/ui';
import { useActionState, useId } from 'react';
import { FormStatus } from '~/components/form-status';
import { initialFormState } from '~/lib/form-state';
import { ROLE_CHOICES } from './role-choices';
import { inviteStaff } from './actions';

/** Owners invite by email with a role; the link in the email is valid 7 days, once. */
export function InviteForm() {
  const [state, action, pending] = useActionState(inviteStaff, initialFormState);
  const roleId = useId();
  const roleErrors = state.fieldErrors.role;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Email"
          name="email"
          type="email"
          required
          defaultValue={state.values.email}
          errors={state.fieldErrors.email}
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor={roleId} className="text-sm font-medium text-slate-800">
            Role
          </label>
          <select
            id={roleId}
            name="role"
            defaultValue={state.values.role ?? 'agent'}
            aria-invalid={roleErrors ? true : undefined}
            aria-describedby={roleErrors ? `${roleId}-error` : undefined}
            className="block h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900"
          >
            {ROLE_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
          {roleErrors ? (
            <p id={`${roleId}-error`} className="text-sm font-medium text-red-700">
              {roleErrors.join(' ')}
            </p>
          ) : null}
        </div>
      </div>
      <div>
        <Button type="submit" pending={pending}>
          {pending ? 'Sending…' : 'Send invitation'}
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
