import { formatWhen, layout, type RenderedMessage } from './templates';

export interface PasswordResetFacts {
  name: string;
  resetUrl: string;
  expiresAt: Date;
}

/** Accounts belong to the platform, not to an org: the email is signed by Tessera. */
export function renderPasswordReset(facts: PasswordResetFacts): RenderedMessage {
  return layout(
    {
      subject: 'Reset your Tessera password',
      greeting: facts.name ? `Hello ${facts.name},` : 'Hello,',
      lead: 'Someone asked to reset the password of your Tessera account. To choose a new password, open this link:',
      details: [
        ['Link', facts.resetUrl],
        ['Valid until', formatWhen(facts.expiresAt, 'UTC')],
      ],
      closing:
        'The link works once. If you did not ask for it, ignore this email: your password stays the same.',
    },
    'Tessera',
  );
}
