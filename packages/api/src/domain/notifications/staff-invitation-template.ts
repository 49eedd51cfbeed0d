import { formatWhen, layout, type RenderedMessage } from './templates';

export interface StaffInvitationFacts {
  orgName: string;
  /** Who sent it, as the console names them (name, else email); null if their account is gone. */
  invitedBy: string | null;
  role: 'owner' | 'manager' | 'agent' | 'checkin' | 'auditor';
  acceptUrl: string;
  expiresAt: Date;
}

const ROLE_WORDS: Record<StaffInvitationFacts['role'], string> = {
  owner: 'an owner',
  manager: 'a manager',
  agent: 'an agent (sales)',
  checkin: 'check-in staff',
  auditor: 'an auditor (read-only)',
};

/** An owner invited someone to the org's staff console: the link opens the accept page. */
export function renderStaffInvitation(facts: StaffInvitationFacts): RenderedMessage {
  const who = facts.invitedBy ? `${facts.invitedBy} invited you` : 'You are invited';
  return layout(
    {
      subject: `Join ${facts.orgName} on Tessera`,
      greeting: 'Hello,',
      lead: `${who} to join ${facts.orgName} on the Tessera staff console as ${ROLE_WORDS[facts.role]}. To accept, open this link:`,
      details: [
        ['Link', facts.acceptUrl],
        ['Valid until', formatWhen(facts.expiresAt, 'UTC')],
      ],
      closing:
        'The link works once. If you did not expect this invitation, ignore this email: nothing happens without you.',
    },
    facts.orgName,
  );
}
