'use server';

import { RetryJobInput } from '@tessera/api/domain/jobs/dead-letter';
import { formText } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { RowActionState } from '~/components/row-action';
import { serverApi } from '~/trpc/server';

/** Runs one failed job again; the API checks the role and the org. */
export async function retryJob(_previous: RowActionState, form: FormData): Promise<RowActionState> {
  const input = RetryJobInput.safeParse({
    queue: formText(form, 'queue'),
    jobId: formText(form, 'jobId'),
  });
  if (!input.success) return { outcome: 'refused', message: 'This job is not one of ours.' };
  try {
    await (await serverApi()).staff.jobs.retry(input.data);
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
  revalidatePath('/jobs');
  return { outcome: 'done', message: 'Retried: the job runs again in a moment.' };
}
