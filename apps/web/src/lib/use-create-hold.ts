'use client';

import { useMutation } from '@tanstack/react-query';
import type { RouterInputs } from '@tessera/api';
import { useTRPC } from '@tessera/client/react';
import { useRouter } from 'next/navigation';
import type { Journey } from './journey';

type OccurrenceHoldRequest = Omit<
  Extract<RouterInputs['holds']['create'], { occurrenceId: string }>,
  'idempotencyKey' | 'originStopId' | 'destinationStopId'
>;

/**
 * Holds the chosen seats or tickets, then opens checkout for the hold. A trip's journey
 * goes with every hold, so the API prices the passengers' stops, not the whole route.
 */
export function useCreateHold(offeringSlug: string, journey?: Journey) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.holds.create.mutationOptions());
  async function hold(request: OccurrenceHoldRequest) {
    const created = await mutation.mutateAsync({
      ...request,
      originStopId: journey?.originStopId,
      destinationStopId: journey?.destinationStopId,
      idempotencyKey: crypto.randomUUID(),
    });
    router.push(`/checkout/${created.holdId}?offering=${encodeURIComponent(offeringSlug)}`);
  }
  return { hold, pending: mutation.isPending || mutation.isSuccess };
}
