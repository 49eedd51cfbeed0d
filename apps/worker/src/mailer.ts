import type { MailTransport } from '@tessera/api/domain/notifications/deliver';
import nodemailer from 'nodemailer';

export interface SmtpTransport extends MailTransport {
  close(): void;
}

/** Email through SMTP (`smtp://user:pass@host:587`, `smtps://...`), every message from `from`. */
export function createSmtpTransport(smtpUrl: string, from: string): SmtpTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}
