import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import { requeueFailedMessage } from '../notifications/sweep';
import { encodeCursor, isUuid, olderThanCursorRow } from '../shared/schemas';
import {
  OUTBOX_PAGE_SIZE,
  type OutboundMessageDetail,
  type OutboxListInput,
  type OutboxPage,
} from './schemas';

const summaryColumns = [
  'm.id',
  'm.channel',
  'm.template',
  'm.recipient',
  'm.subject',
  'm.status',
  'm.attempts',
  'm.createdAt',
  'm.sentAt',
] as const;

/** "50%_" typed in a search box means those characters, not LIKE patterns. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The org's emails and texts, newest first, by status and part of the recipient. */
export async function listOutboundMessages(
  db: Db,
  orgId: string,
  input: OutboxListInput,
): Promise<OutboxPage> {
  let query = db
    .selectFrom('outboundMessages as m')
    .select(summaryColumns)
    .where('m.orgId', '=', orgId)
    .orderBy('m.createdAt', 'desc')
    .orderBy('m.id', 'desc')
    .limit(OUTBOX_PAGE_SIZE + 1);
  if (input.status) query = query.where('m.status', '=', input.status);
  if (input.recipient)
    query = query.where('m.recipient', 'ilike', `%${likeEscaped(input.recipient)}%`);
  if (input.cursor)
    query = query.where(
      olderThanCursorRow({
        cursor: input.cursor,
        table: 'outbound_messages',
        alias: 'm',
        orgId,
        isId: isUuid,
      }),
    );
  const rows = await query.execute();
  const items = rows.slice(0, OUTBOX_PAGE_SIZE);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > OUTBOX_PAGE_SIZE && last ? encodeCursor([last.id]) : null,
  };
}

/** One message as it was recorded; another org's id reads as not found. */
export async function outboundMessage(
  db: Db,
  orgId: string,
  messageId: string,
): Promise<OutboundMessageDetail> {
  const message = await db
    .selectFrom('outboundMessages as m')
    .leftJoin('bookings as b', 'b.id', 'm.bookingId')
    .select([
      ...summaryColumns,
      'm.bodyText',
      'm.bodyHtml',
      'm.error',
      'm.attachments',
      'b.reference as bookingReference',
    ])
    .where('m.orgId', '=', orgId)
    .where('m.id', '=', messageId)
    .executeTakeFirst();
  if (!message) throw new AppError('NOT_FOUND', 'This message was not found.');
  return message;
}

/** Sends a failed message again (the sweeper takes it within a minute); audited. */
export async function resendFailedMessage(
  db: Db,
  messageId: string,
  staff: StaffMember,
  requestId: string,
): Promise<OutboundMessageDetail> {
  await db.transaction().execute(async (tx) => {
    if (!(await requeueFailedMessage(tx, staff.orgId, messageId))) {
      const exists = await tx
        .selectFrom('outboundMessages')
        .select('status')
        .where('id', '=', messageId)
        .where('orgId', '=', staff.orgId)
        .executeTakeFirst();
      if (!exists) throw new AppError('NOT_FOUND', 'This message was not found.');
      throw new AppError(
        'CONFLICT',
        `Only a failed message can be sent again (this one is ${exists.status}).`,
      );
    }
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'outbound_message.resend_requested',
      entityType: 'outbound_message',
      entityId: messageId,
      changes: { status: { from: 'failed', to: 'queued' } },
      requestId,
    });
  });
  return outboundMessage(db, staff.orgId, messageId);
}
