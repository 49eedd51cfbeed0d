import { z } from 'zod';
import { env } from '../env';
import {
  createWebhookEndpoint,
  disableWebhookEndpoint,
  listWebhookEndpoints,
} from '../domain/webhooks/endpoints';
import { listWebhookDeliveries, retryWebhookDelivery } from '../domain/webhooks/deliveries';
import {
  CreateWebhookEndpointInput,
  DeliveryId,
  EndpointId,
  WebhookDeliveriesInput,
  WebhookDeliveryView,
  WebhookEndpointView,
} from '../domain/webhooks/schemas';
import { router, staffProcedure } from '../trpc';

/** An org's outgoing webhook endpoints and their delivery log (staff.webhooks.*). */
export const staffWebhooksRouter = router({
  endpoints: staffProcedure('webhooks:read')
    .output(z.array(WebhookEndpointView))
    .query(({ ctx }) => listWebhookEndpoints(ctx.db, ctx.staff.orgId)),

  /** The signing secret is in this answer only: store it now. */
  create: staffProcedure('webhooks:write')
    .input(CreateWebhookEndpointInput)
    .output(z.object({ endpoint: WebhookEndpointView, secret: z.string() }))
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.db, input, ctx.staff, ctx.requestId)),

  disable: staffProcedure('webhooks:write')
    .input(EndpointId)
    .output(WebhookEndpointView)
    .mutation(({ ctx, input }) =>
      disableWebhookEndpoint(ctx.db, input.endpointId, ctx.staff, ctx.requestId),
    ),

  deliveries: staffProcedure('webhooks:read')
    .input(WebhookDeliveriesInput)
    .output(z.array(WebhookDeliveryView))
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.db, ctx.staff.orgId, input)),

  /** Attempts a failed or dead delivery now. */
  retry: staffProcedure('webhooks:write')
    .input(DeliveryId)
    .output(z.object({ status: z.literal('pending') }))
    .mutation(({ ctx, input }) =>
      retryWebhookDelivery(ctx.db, input.deliveryId, ctx.staff, {
        queues: { redis: ctx.redis, prefix: env.QUEUE_PREFIX },
        requestId: ctx.requestId,
      }),
    ),
});
