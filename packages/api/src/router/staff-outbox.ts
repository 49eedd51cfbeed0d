import {
  listOutboundMessages,
  outboundMessage,
  resendFailedMessage,
} from '../domain/outbound-messages/outbox';
import {
  OutboundMessageDetail,
  OutboundMessageId,
  OutboxListInput,
  OutboxPage,
} from '../domain/outbound-messages/schemas';
import { router, staffProcedure } from '../trpc';

/** The org's email outbox (staff.outbox.*): what was sent or would be sent. */
export const staffOutboxRouter = router({
  list: staffProcedure('messages:read')
    .input(OutboxListInput)
    .output(OutboxPage)
    .query(({ ctx, input }) => listOutboundMessages(ctx.db, ctx.staff.orgId, input)),

  get: staffProcedure('messages:read')
    .input(OutboundMessageId)
    .output(OutboundMessageDetail)
    .query(({ ctx, input }) => outboundMessage(ctx.db, ctx.staff.orgId, input.messageId)),

  /** A failed message only; the worker's next sweep sends it. */
  resend: staffProcedure('messages:resend')
    .input(OutboundMessageId)
    .output(OutboundMessageDetail)
    .mutation(({ ctx, input }) =>
      resendFailedMessage(ctx.db, input.messageId, ctx.staff, ctx.requestId),
    ),
});
