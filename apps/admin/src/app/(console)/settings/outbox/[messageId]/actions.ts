'use server';

import { OutboundMessageId } from '@tessera/api/domain/outbound-messages/schemas';
import { formText } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { RowActionState } from '~/components/row-action';
import { serverApi } from '~/trpc/server';

export async function resendMessage(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const input = OutboundMessageId.safeParse({ messageId: formText(form, 'messageId') });
  if (!input.success) return { outcome: 'refused', message: 'This message is not one of ours.' };
  try {
    await (await serverApi()).staff.outbox.resend(input.data);
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
  revalidatePath(`/settings/outbox/${input.data.messageId}`);
  return { outcome: 'done', message: 'Queued again: the worker sends it within a minute.' };
}
