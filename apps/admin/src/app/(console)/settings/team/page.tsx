import { Badge, Card, PageHeader, formatDateTime } from '@tessera/ui';
import type { Metadata } from 'next';
import { ActionForm } from '~/components/action-form';
import { RowAction } from '~/components/row-action';
import { accessFor } from '~/lib/access';
import { roleLabel } from '~/lib/labels';
import { changeRole, removeMember, revokeInvitation } from './actions';
import { InviteForm } from './invite-form';
import { ROLE_CHOICES } from './role-choices';

export const metadata: Metadata = { title: 'Team' };

/** Who works for the org: owners invite, change roles and remove; managers and auditors read. */
export default async function TeamPage() {
  const access = await accessFor('staff:read', 'Your role does not see the staff list.');
  if ('denied' in access) return access.denied;
  const [members, invitations] = await Promise.all([
    access.api.staff.team.members(),
    access.api.staff.team.invitations(),
  ]);
  const manage = access.may('staff:manage');
  const now = Date.now();
  return (
    <>
      <PageHeader
        title="Team"
        description="Staff of your organisation and their roles. Times in UTC."
      />
      <section aria-labelledby="members" className="mb-8">
        <h2 id="members" className="mb-3 text-lg font-semibold text-slate-900">
          Members
        </h2>
        <ul className="flex flex-col gap-3" aria-label="Members">
          {members.map((member) => (
            <li key={member.userId}>
              <Card>
                <div className="flex flex-wrap items-start justify-between gap-4">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">{member.name || member.email}</p>
                    <p className="text-sm text-slate-700">
                      {member.email} · since {formatDateTime(member.since, 'UTC')}
                    </p>
                    <Badge tone="brand">{roleLabel(member.role)}</Badge>
                  </div>
                  {manage ? (
                    <div className="flex flex-wrap items-start gap-4">
                      <ActionForm
                        action={changeRole}
                        fields={{ userId: member.userId }}
                        label="Change role"
                      >
                        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
                          Role of {member.email}
                          <select
                            name="role"
                            defaultValue={member.role}
                            className="block h-11 rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900"
                          >
                            {ROLE_CHOICES.map((choice) => (
                              <option key={choice.value} value={choice.value}>
                                {roleLabel(choice.value)}
                              </option>
                            ))}
                          </select>
                        </label>
                      </ActionForm>
                      <RowAction
                        action={removeMember}
                        fields={{ userId: member.userId }}
                        label="Remove"
                        accessibleLabel={`Remove ${member.email}`}
                      />
                    </div>
                  ) : null}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="invitations" className="mb-8">
        <h2 id="invitations" className="mb-3 text-lg font-semibold text-slate-900">
          Pending invitations
        </h2>
        {invitations.length === 0 ? (
          <p className="text-slate-700">No invitation waiting.</p>
        ) : (
          <ul className="flex flex-col gap-3" aria-label="Pending invitations">
            {invitations.map((invitation) => {
              const lapsed = invitation.expiresAt.getTime() <= now;
              return (
                <li key={invitation.id}>
                  <Card>
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0">
                        <p className="font-medium text-slate-900">{invitation.email}</p>
                        <p className="text-sm text-slate-700">
                          {roleLabel(invitation.role)}
                          {invitation.invitedBy
                            ? ` · invited by ${invitation.invitedBy}`
                            : ''} · {lapsed ? 'expired' : 'valid until'}{' '}
                          {formatDateTime(invitation.expiresAt, 'UTC')}
                        </p>
                      </div>
                      <div className="flex flex-wrap items-center gap-3">
                        <Badge tone={lapsed ? 'neutral' : 'warning'}>
                          {lapsed ? 'Expired' : 'Pending'}
                        </Badge>
                        {manage ? (
                          <RowAction
                            action={revokeInvitation}
                            fields={{ invitationId: invitation.id }}
                            label="Revoke"
                            accessibleLabel={`Revoke the invitation of ${invitation.email}`}
                          />
                        ) : null}
                      </div>
                    </div>
                  </Card>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {manage ? (
        <section aria-labelledby="invite">
          <h2 id="invite" className="mb-3 text-lg font-semibold text-slate-900">
            Invite someone
          </h2>
          <Card>
            <InviteForm />
          </Card>
        </section>
      ) : null}
    </>
  );
}
