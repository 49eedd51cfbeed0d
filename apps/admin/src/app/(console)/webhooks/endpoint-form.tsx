'use client';

import { Alert, Button, Field } from '@tessera/ui';
import { useActionState } from 'react';
import { createEndpoint, type CreateEndpointState } from './actions';

const initial: CreateEndpointState = { secret: null, url: '', error: null };

/** A new endpoint; its signing secret appears once, here, after it is created. */
export function EndpointForm({ eventTypes }: { eventTypes: readonly string[] }) {
  const [state, action, pending] = useActionState(createEndpoint, initial);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.secret ? (
        <Alert tone="success" title="Endpoint added">
          <p>
            Its signing secret is shown only now. Store it where your receiver can read it and check
            every delivery's <code>Tessera-Signature</code> with it:
          </p>
          <p className="mt-2 font-mono break-all" data-testid="webhook-secret">
            {state.secret}
          </p>
        </Alert>
      ) : null}
      <Field
        label="Address (URL)"
        name="url"
        type="url"
        required
        placeholder="https://example.com/hooks/tessera"
        defaultValue={state.url}
        errors={state.error}
        hint="We POST JSON to it; any 2xx answer counts as delivered."
      />
      <Field label="Description" name="description" hint="Optional: what receives it." />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">
          Events (none ticked: all of them)
        </legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {eventTypes.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="eventTypes" value={type} className="size-4" />
              {type}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <Button type="submit" pending={pending}>
          {pending ? 'Adding…' : 'Add endpoint'}
        </Button>
      </div>
    </form>
  );
}
