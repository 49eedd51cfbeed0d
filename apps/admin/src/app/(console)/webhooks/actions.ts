'use server';

import {
  CreateWebhookEndpointInput,
  DeliveryId,
  EndpointId,
} from '@tessera/api/domain/webhooks/schemas';
import { formText } from '@tessera/ui';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { RowActionState } from '~/components/row-action';
import { serverApi } from '~/trpc/server';

export interface CreateEndpointState {
  /** The signing secret, shown this once. */
  secret: string | null;
  url: string;
  error: string | null;
}

export async function createEndpoint(
  _previous: CreateEndpointState,
  form: FormData,
): Promise<CreateEndpointState> {
  const url = formText(form, 'url');
  const input = CreateWebhookEndpointInput.safeParse({
    url,
    description: formText(form, 'description'),
    eventTypes: form.getAll('eventTypes'),
  });
  if (!input.success)
    return { secret: null, url, error: input.error.issues.map((issue) => issue.message).join(' ') };
  try {
    const { secret } = await (await serverApi()).staff.webhooks.create(input.data);
    revalidatePath('/webhooks');
    return { secret, url: '', error: null };
  } catch (error) {
    if (error instanceof TRPCError) return { secret: null, url, error: error.message };
    throw error;
  }
}

export async function disableEndpoint(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const input = EndpointId.safeParse({ endpointId: formText(form, 'endpointId') });
  if (!input.success) return { outcome: 'refused', message: 'This endpoint is not one of ours.' };
  try {
    await (await serverApi()).staff.webhooks.disable(input.data);
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
  revalidatePath('/webhooks');
  return { outcome: 'done', message: 'Disabled: it gets no more deliveries.' };
}

export async function retryDelivery(
  _previous: RowActionState,
  form: FormData,
): Promise<RowActionState> {
  const input = DeliveryId.safeParse({ deliveryId: formText(form, 'deliveryId') });
  if (!input.success) return { outcome: 'refused', message: 'This delivery is not one of ours.' };
  try {
    await (await serverApi()).staff.webhooks.retry(input.data);
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: 'refused', message: error.message };
    throw error;
  }
  revalidatePath(`/webhooks/${formText(form, 'endpointId')}`);
  return { outcome: 'done', message: 'Retried: it is sent again in a moment.' };
}
