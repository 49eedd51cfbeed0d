import { z } from 'zod';

export const OutboundMessageStatus = z.enum(['queued', 'sent', 'recorded', 'failed']);

export const OUTBOX_PAGE_SIZE = 50;

export const OutboxListInput = z.object({
  status: OutboundMessageStatus.optional(),
  /** Part of the recipient's address or number. */
  recipient: z.string().trim().max(254).optional(),
  /** The page after this message (from the previous answer's `nextCursor`). */
  cursor: z.string().max(200).optional(),
});
export type OutboxListInput = z.infer<typeof OutboxListInput>;

export const OutboundMessageSummary = z.object({
  id: z.uuid(),
  channel: z.enum(['email', 'sms']),
  template: z.string(),
  recipient: z.string(),
  subject: z.string().nullable(),
  status: OutboundMessageStatus,
  attempts: z.number().int(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});
export type OutboundMessageSummary = z.infer<typeof OutboundMessageSummary>;

export const OutboxPage = z.object({
  items: z.array(OutboundMessageSummary),
  nextCursor: z.string().nullable(),
});
export type OutboxPage = z.infer<typeof OutboxPage>;

export const OutboundMessageId = z.object({ messageId: z.uuid() });

export const OutboundMessageDetail = OutboundMessageSummary.extend({
  bodyText: z.string(),
  bodyHtml: z.string().nullable(),
  error: z.string().nullable(),
  attachments: z.array(z.string()),
  /** The booking it is about, if any, for a link to its page. */
  bookingReference: z.string().nullable(),
});
export type OutboundMessageDetail = z.infer<typeof OutboundMessageDetail>;
