import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import type { BookingFile } from '../tickets/files';
import type { RenderedMessage } from './templates';

interface MessageToDeliver {
  orgId: string | null;
  bookingId: string | null;
  /** Which template made it ('booking.confirmed', ...), for staff reading the log. */
  template: string;
  recipient: string;
  /** One message per purpose: a second delivery with the same key sends nothing. */
  dedupeKey: string;
}

export interface EmailToDeliver extends RenderedMessage, MessageToDeliver {
  /** Files sent with it (the tickets PDF, the .ics); their names are kept on the row. */
  attachments?: BookingFile[];
}

export interface SmsToDeliver extends MessageToDeliver {
  text: string;
}

/** How mail leaves (nodemailer in the worker); absent when no provider is configured. */
export interface MailTransport {
  send(
    mail: { to: string; attachments: BookingFile[] } & RenderedMessage,
  ): Promise<{ messageId: string }>;
}

/**
 * How text messages leave. No vendor is wired in: the worker passes none, so SMS are
 * recorded in `outbound_messages` (status `recorded`) exactly as email is without SMTP.
 * A vendor plugs in by implementing this and passing it to `startJobs` (apps/worker/src/sms.ts).
 */
export interface SmsProvider {
  /** Sends `text` to `to` (E.164 or as the customer typed it); returns the vendor's message id. */
  send(to: string, text: string): Promise<{ messageId: string }>;
}

export type DeliveryOutcome = 'sent' | 'recorded' | 'duplicate';

type Send = () => Promise<{ messageId: string }>;

/**
 * Sends a claimed (`queued`) message and records the outcome: `sent`, or `recorded` when
 * there is no provider. A failed send marks it `failed` and rethrows, so the job's retry
 * takes it again. Each outcome lands only on a row still `queued`: a late answer to a claim
 * the sweeper already re-sent cannot turn its `sent` back into `failed` (and a resend).
 */
export async function sendClaimed(db: Db, id: string, send: Send | null): Promise<DeliveryOutcome> {
  if (!send) {
    await db
      .updateTable('outboundMessages')
      .set({ status: 'recorded' })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
    return 'recorded';
  }
  try {
    const { messageId } = await send();
    await db
      .updateTable('outboundMessages')
      .set({ status: 'sent', providerMessageId: messageId, sentAt: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
    return 'sent';
  } catch (error) {
    await db
      .updateTable('outboundMessages')
      .set({ status: 'failed', error: error instanceof Error ? error.message : String(error) })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
    throw error;
  }
}

/**
 * Records the message in `outbound_messages` and claims it, at most once per dedupe key:
 * a retried or duplicated job finds the row and stops. Only a `failed` row may be claimed
 * again (the job's retry). A crash between claim and send leaves it `queued`, which the
 * sweeper (`resendStuckMessages`) picks up after a few minutes.
 */
async function claimMessage(
  db: Db,
  message: MessageToDeliver & {
    channel: 'email' | 'sms';
    subject: string | null;
    text: string;
    html: string | null;
    attachments: string[];
  },
): Promise<string | undefined> {
  const claimed = await db
    .insertInto('outboundMessages')
    .values({
      orgId: message.orgId,
      bookingId: message.bookingId,
      channel: message.channel,
      template: message.template,
      recipient: message.recipient,
      subject: message.subject,
      bodyText: message.text,
      bodyHtml: message.html,
      attachments: message.attachments,
      dedupeKey: message.dedupeKey,
      status: 'queued',
    })
    .onConflict((oc) =>
      oc
        .column('dedupeKey')
        .doUpdateSet({
          status: 'queued',
          error: null,
          claimedAt: sql<Date>`now()`,
          attempts: sql<number>`outbound_messages.attempts + 1`,
        })
        .where('outboundMessages.status', '=', 'failed'),
    )
    .returning('id')
    .executeTakeFirst();
  return claimed?.id;
}

export async function deliverEmail(
  db: Db,
  email: EmailToDeliver,
  transport: MailTransport | null,
): Promise<DeliveryOutcome> {
  const attachments = email.attachments ?? [];
  const id = await claimMessage(db, {
    ...email,
    channel: 'email',
    attachments: attachments.map((file) => file.filename),
  });
  if (!id) return 'duplicate';
  return sendClaimed(
    db,
    id,
    transport &&
      (() =>
        transport.send({
          to: email.recipient,
          subject: email.subject,
          text: email.text,
          html: email.html,
          attachments,
        })),
  );
}

export async function deliverSms(
  db: Db,
  sms: SmsToDeliver,
  provider: SmsProvider | null,
): Promise<DeliveryOutcome> {
  const id = await claimMessage(db, {
    ...sms,
    channel: 'sms',
    subject: null,
    html: null,
    attachments: [],
  });
  if (!id) return 'duplicate';
  return sendClaimed(db, id, provider && (() => provider.send(sms.recipient, sms.text)));
}
