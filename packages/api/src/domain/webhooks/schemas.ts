import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from './events';

export const WebhookUrl = z
  .url({ protocol: /^https?$/, error: 'Enter an http:// or https:// address' })
  .max(2_000);

export const CreateWebhookEndpointInput = z.object({
  url: WebhookUrl,
  description: z.string().trim().max(200).default(''),
  /** Empty: every event. */
  eventTypes: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { error: 'Choose events from the list' }))
    .max(WEBHOOK_EVENT_TYPES.length)
    .default([]),
});
export type CreateWebhookEndpointInput = z.infer<typeof CreateWebhookEndpointInput>;

export const WebhookEndpointView = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.date(),
});
export type WebhookEndpointView = z.infer<typeof WebhookEndpointView>;

export const EndpointId = z.object({ endpointId: z.uuid() });
export const DeliveryId = z.object({ deliveryId: z.uuid() });

export const WebhookDeliveriesInput = EndpointId.extend({
  limit: z.number().int().min(1).max(200).default(50),
});

export const WebhookAttemptView = z.object({
  attemptNo: z.number().int(),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  attemptedAt: z.date(),
});

export const WebhookDeliveryView = z.object({
  id: z.uuid(),
  eventType: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed', 'dead']),
  attempts: z.number().int(),
  nextAttemptAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  createdAt: z.date(),
  attemptLog: z.array(WebhookAttemptView),
});
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryView>;
