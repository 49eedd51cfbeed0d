'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@tessera/client/react';
import { Field, type FieldProps } from '@tessera/ui';
import { useId, useState } from 'react';

/** A city or stop name, with the names of published routes suggested as the person types. */
export function StopField({ defaultValue, ...props }: FieldProps & { defaultValue?: string }) {
  const trpc = useTRPC();
  const listId = useId();
  const [text, setText] = useState(defaultValue ?? '');
  const q = text.trim();
  const suggestions = useQuery(
    trpc.catalog.stops.queryOptions({ q }, { enabled: q.length > 0, staleTime: 60_000 }),
  );
  return (
    <>
      <Field
        {...props}
        list={listId}
        autoComplete="off"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <datalist id={listId}>
        {(suggestions.data?.items ?? []).map((item) => (
          <option key={`${item.kind}:${item.value}`} value={item.value} />
        ))}
      </datalist>
    </>
  );
}
