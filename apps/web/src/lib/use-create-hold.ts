'use client';

import { useMutation } from '@tanstack/react-query';
import type { RouterInputs } from '@tessera/api';
import { useTRPC } from '@tessera/client/react';
import { useRouter } from 'next/navigation';

type OccurrenceHoldRequest = Omit<
  Extract<RouterInputs['holds']['create'], { occurrenceId: string }>,
  'idempotencyKey'
>;

/** Holds the chosen seats or tickets, then opens checkout for the hold. */
export function useCreateHold(offeringSlug: string) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.holds.create.mutationOptions());
  async function hold(request: OccurrenceHoldRequest) {
    const created = await mutation.mutateAsync({ ...request, idempotencyKey: crypto.randomUUID() });
    router.push(`/checkout/${created.holdId}?offering=${encodeURIComponent(offeringSlug)}`);
  }
  return { hold, pending: mutation.isPending || mutation.isSuccess };
}
