'use server';

import { ManualOfferInput } from '@tessera/api/domain/waitlist/staff';
import { formText } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { RowActionState } from '~/components/row-action';
import { serverApi } from '~/trpc/server';

/** Offers the places to one waiting entry now; the API checks the role, the org and the stock. */
export async function offerNow(_previous: RowActionState, form: FormData): Promise<RowActionState> {
  const input = ManualOfferInput.safeParse({ entryId: formText(form, 'entryId') });
  if (!input.success) return { outcome: 'refused', message: 'This entry is not one of ours.' };
  try {
    await (await serverApi()).staff.waitlist.offer(input.data);
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
  revalidatePath('/waitlists', 'layout');
  return { outcome: 'done', message: 'Offered: the claim link is on its way by email.' };
}
