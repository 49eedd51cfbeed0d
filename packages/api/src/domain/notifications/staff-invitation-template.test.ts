import { describe, expect, it } from 'vitest';
import { renderStaffInvitation } from './staff-invitation-template';

describe('renderStaffInvitation', () => {
  it('names the org, the inviter and the role, with the link and its deadline, HTML escaped', () => {
    const message = renderStaffInvitation({
      orgName: 'Harbour <Arts>',
      invitedBy: 'Nadia Owner',
      role: 'checkin',
      acceptUrl: 'https://console.example.test/invitations/abc_DEF-123',
      expiresAt: new Date('2027-03-10T17:00:00Z'),
    });
    expect(message.subject).toBe('Join Harbour <Arts> on Tessera');
    expect(message.text).toContain(
      'Nadia Owner invited you to join Harbour <Arts> on the Tessera staff console as check-in staff.',
    );
    expect(message.text).toContain('Link: https://console.example.test/invitations/abc_DEF-123');
    expect(message.text).toContain('Valid until: Wednesday, 10 March 2027 at 17:00 (UTC)');
    expect(message.html).toContain('Harbour &#60;Arts&#62;');
    expect(message.html).not.toContain('<Arts>');
  });
});
