'use client';

import { Alert, Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { createApiKey, type CreateApiKeyState } from './actions';

const initial: CreateApiKeyState = { key: null, name: '', error: null };

const SCOPES = [
  { value: 'catalog:read', label: 'catalog:read — offerings, dates, availability' },
  { value: 'bookings:write', label: 'bookings:write — holds, bookings, waiting lists' },
  { value: 'admin:read', label: 'admin:read — staff reads' },
  { value: 'admin:write', label: 'admin:write — staff changes' },
] as const;

/** A new key; the key itself appears once, here, after it is created. */
export function ApiKeyForm() {
  const [state, action, pending] = useActionState(createApiKey, initial);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.key ? (
        <Alert tone="success" title="Key created">
          <p>
            It is shown only now: store it in your integration's secrets and send it as{' '}
            <code>Authorization: Bearer &lt;key&gt;</code>.
          </p>
          <p className="mt-2 font-mono break-all" data-testid="api-key">
            {state.key}
          </p>
        </Alert>
      ) : null}
      <Field
        label="Name"
        name="name"
        required
        defaultValue={state.name}
        errors={state.error}
        hint="What uses it, e.g. Kiosk at the pier."
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">Scopes (at least one)</legend>
        {SCOPES.map((scope) => (
          <label key={scope.value} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="scopes" value={scope.value} className="size-4" />
            {scope.label}
          </label>
        ))}
      </fieldset>
      <div>
        <Button type="submit" pending={pending}>
          {pending ? 'Creating…' : 'Create key'}
        </Button>
      </div>
    </form>
  );
}
