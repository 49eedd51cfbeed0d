import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import type { Tx } from '../shared/idempotency';
import { bookingFiles } from '../tickets/files';
import { sendClaimed, type MailTransport, type SmsProvider } from './deliver';

/**
 * How old a claim must be before the sweeper takes it over. Longer than any send can take
 * (the worker's SMTP timeouts are about a minute), so a claim this old was lost with the
 * process that made it, not merely slow.
 */
const STUCK_AFTER_MS = 5 * 60_000;
/** At most this many per run: the maintenance queue has other work too. */
const RESENDS_PER_RUN = 100;

interface StuckMessage {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  bookingId: string | null;
  attachments: string[];
}

/** Re-claims the oldest stuck message, if any: `claimed_at` moves on, so no other sweeper takes it. */
async function takeOverOne(db: Db): Promise<StuckMessage | undefined> {
  const { rows } = await sql<StuckMessage>`
    UPDATE outbound_messages m SET claimed_at = now(), attempts = m.attempts + 1
    FROM (
      SELECT id FROM outbound_messages
      WHERE status = 'queued' AND claimed_at < now() - make_interval(secs => ${STUCK_AFTER_MS / 1000})
      ORDER BY claimed_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    ) stuck
    WHERE m.id = stuck.id
    RETURNING m.id, m.channel, m.recipient, m.subject, m.body_text, m.body_html, m.booking_id, m.attachments
  `.execute(db);
  return rows[0];
}

/**
 * Staff asked for a failed message to be sent again: it becomes a lost claim, which the
 * next sweep (the maintenance queue runs one a minute) takes over and sends from what the
 * row recorded. Only a `failed` row: a queued or sent message is never sent twice, and a
 * job retry that comes later finds the row no longer `failed` and leaves it alone.
 */
export async function requeueFailedMessage(
  db: Db | Tx,
  orgId: string,
  messageId: string,
): Promise<boolean> {
  const requeued = await db
    .updateTable('outboundMessages')
    .set({
      status: 'queued',
      error: null,
      claimedAt: sql<Date>`now() - make_interval(secs => ${STUCK_AFTER_MS / 1000})`,
    })
    .where('id', '=', messageId)
    .where('orgId', '=', orgId)
    .where('status', '=', 'failed')
    .returning('id')
    .executeTakeFirst();
  return requeued !== undefined;
}

/**
 * Sends again the messages claimed but never sent (the worker died between claim and
 * send), one at a time, from what the row recorded; the attachments are rebuilt from the
 * booking by name. A failed resend is marked `failed` for staff and ends the run: the
 * provider is likely down, and the next run (a minute later) goes on.
 */
export async function resendStuckMessages(
  db: Db,
  providers: { transport: MailTransport | null; sms: SmsProvider | null },
): Promise<{ resent: number; failed: number }> {
  let resent = 0;
  while (resent < RESENDS_PER_RUN) {
    const message = await takeOverOne(db);
    if (!message) break;
    const sent = await resend(db, message, providers).then(
      () => true,
      () => false,
    );
    if (!sent) return { resent, failed: 1 };
    resent += 1;
  }
  return { resent, failed: 0 };
}

async function resend(
  db: Db,
  message: StuckMessage,
  { transport, sms }: { transport: MailTransport | null; sms: SmsProvider | null },
): Promise<void> {
  if (message.channel === 'sms') {
    await sendClaimed(db, message.id, sms && (() => sms.send(message.recipient, message.bodyText)));
    return;
  }
  const attachments =
    message.attachments.length > 0 && message.bookingId
      ? (await bookingFiles(db, message.bookingId)).filter((file) =>
          message.attachments.includes(file.filename),
        )
      : [];
  await sendClaimed(
    db,
    message.id,
    transport &&
      (() =>
        transport.send({
          to: message.recipient,
          subject: message.subject ?? '',
          text: message.bodyText,
          html: message.bodyHtml ?? '',
          attachments,
        })),
  );
}
