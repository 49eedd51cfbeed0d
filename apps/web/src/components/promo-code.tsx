'use client';

import { useQueryClient } from '@tanstack/react-query';
import { readApiError } from '@tessera/client';
import { useTRPC } from '@tessera/client/react';
import { Button, Field } from '@tessera/ui';
import { useState } from 'react';

/** Tries a promo code with holds.price (not used up) and applies it when it is valid. */
export function PromoCode({
  holdId,
  applied,
  onApply,
  errors,
}: {
  holdId: string;
  applied: string | undefined;
  onApply: (code: string | undefined) => void;
  errors?: string[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(applied ?? '');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function apply() {
    const promoCode = code.trim().toUpperCase();
    setError(null);
    if (!promoCode) {
      onApply(undefined);
      return;
    }
    setChecking(true);
    try {
      await queryClient.fetchQuery(
        trpc.holds.price.queryOptions({ holdId, promoCode }, { retry: false }),
      );
      onApply(promoCode);
    } catch (failure) {
      setError(readApiError(failure).message);
    } finally {
      setChecking(false);
    }
  }

  return (
    <div className="flex flex-col gap-2 border-t border-slate-200 pt-3">
      <div className="flex items-end gap-2">
        <Field
          className="flex-1"
          label="Promo code"
          name="promoCode"
          autoComplete="off"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void apply();
            }
          }}
          errors={error ? [error] : errors}
        />
        <Button variant="secondary" onClick={() => void apply()} pending={checking}>
          Apply
        </Button>
      </div>
      {applied ? (
        <p role="status" className="text-sm text-emerald-800">
          Code {applied} applied.
        </p>
      ) : null}
    </div>
  );
}
