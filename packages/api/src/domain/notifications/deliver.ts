import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import type { RenderedMessage } from './templates';

export interface EmailToDeliver extends RenderedMessage {
  orgId: string | null;
  bookingId: string | null;
  /** Which template made it ('booking.confirmed', ...), for staff reading the log. */
  template: string;
  recipient: string;
  /** One message per purpose: a second delivery with the same key sends nothing. */
  dedupeKey: string;
}

/** How mail leaves (nodemailer in the worker); absent when no provider is configured. */
export interface MailTransport {
  send(mail: { to: string } & RenderedMessage): Promise<{ messageId: string }>;
}

export type DeliveryOutcome = 'sent' | 'recorded' | 'duplicate';

/**
 * Records the email in `outbound_messages`, then sends it, at most once per dedupe key.
 * The row is claimed before sending (a retried or duplicated job finds it and stops); a
 * failed send marks it `failed` and rethrows, and only a failed row may be claimed again,
 * so the job's retry sends it. A crash between claim and send leaves it `queued`: not sent
 * twice, visible to staff.
 */
export async function deliverEmail(
  db: Db,
  email: EmailToDeliver,
  transport: MailTransport | null,
): Promise<DeliveryOutcome> {
  const claimed = await db
    .insertInto('outboundMessages')
    .values({
      orgId: email.orgId,
      bookingId: email.bookingId,
      channel: 'email',
      template: email.template,
      recipient: email.recipient,
      subject: email.subject,
      bodyText: email.text,
      bodyHtml: email.html,
      dedupeKey: email.dedupeKey,
      status: 'queued',
    })
    .onConflict((oc) =>
      oc
        .column('dedupeKey')
        .doUpdateSet({ status: 'queued', error: null })
        .where('outboundMessages.status', '=', 'failed'),
    )
    .returning('id')
    .executeTakeFirst();
  if (!claimed) return 'duplicate';

  if (!transport) {
    await db
      .updateTable('outboundMessages')
      .set({ status: 'recorded' })
      .where('id', '=', claimed.id)
      .execute();
    return 'recorded';
  }
  try {
    const { messageId } = await transport.send({
      to: email.recipient,
      subject: email.subject,
      text: email.text,
      html: email.html,
    });
    await db
      .updateTable('outboundMessages')
      .set({ status: 'sent', providerMessageId: messageId, sentAt: sql<Date>`now()` })
      .where('id', '=', claimed.id)
      .execute();
    return 'sent';
  } catch (error) {
    await db
      .updateTable('outboundMessages')
      .set({ status: 'failed', error: error instanceof Error ? error.message : String(error) })
      .where('id', '=', claimed.id)
      .execute();
    throw error;
  }
}
