import type { MailTransport } from '@tessera/api/domain/notifications/deliver';
import nodemailer from 'nodemailer';

export interface SmtpTransport extends MailTransport {
  close(): void;
}

/** Email through SMTP (`smtp://user:pass@host:587`, `smtps://...`), every message from `from`. */
export function createSmtpTransport(smtpUrl: string, from: string): SmtpTransport {
  // Every send ends well within the sweeper's takeover time (STUCK_AFTER_MS, 5 minutes), so a
  // slow server cannot be sent to twice.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments.map((file) => ({
          filename: file.filename,
          content: file.content,
          contentType: file.contentType,
        })),
      });
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}
