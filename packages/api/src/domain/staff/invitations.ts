import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import { enqueueOutbox } from '../shared/outbox';
import type { InvitationView, InviteStaffInput } from './schemas';

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/** Only a hash is stored: a copy of the table lets nobody join an org. */
export const hashInvitationToken = (token: string) =>
  createHash('sha256').update(token).digest('hex');

const invitationColumns = [
  'i.id',
  'i.email',
  'i.role',
  'u.email as invitedBy',
  'i.expiresAt',
  'i.createdAt',
] as const;

/**
 * Invites an address with a role: a single-use link valid INVITATION_DAYS, emailed through
 * the outbox in the invitation's transaction. Inviting an address that has an open (or
 * lapsed) invitation replaces it: the old link stops working and a new one is sent.
 */
export async function inviteStaff(
  db: Db,
  input: InviteStaffInput,
  staff: StaffMember,
  { consoleUrl, requestId }: { consoleUrl: string; requestId: string },
): Promise<InvitationView> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60_000);
  return db.transaction().execute(async (tx) => {
    const member = await tx
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.userId')
      .select('m.userId')
      .where('m.orgId', '=', staff.orgId)
      .where('u.email', '=', input.email)
      .executeTakeFirst();
    if (member)
      throw new AppError('CONFLICT', `${input.email} is already a member of this organisation.`, {
        field: 'email',
      });
    const invitation = await tx
      .insertInto('staffInvitations')
      .values({
        orgId: staff.orgId,
        email: input.email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedBy: staff.actor.userId,
        expiresAt,
      })
      .onConflict((oc) =>
        oc
          .columns(['orgId', 'email'])
          .where('acceptedAt', 'is', null)
          .doUpdateSet((eb) => ({
            role: eb.ref('excluded.role'),
            tokenHash: eb.ref('excluded.tokenHash'),
            invitedBy: eb.ref('excluded.invitedBy'),
            expiresAt: eb.ref('excluded.expiresAt'),
            createdAt: sql<Date>`now()`,
          })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueOutbox(tx, [
      {
        orgId: staff.orgId,
        aggregateType: 'staff_invitation',
        aggregateId: invitation.id,
        eventType: 'staff.invited',
        payload: { acceptUrl: `${consoleUrl}/invitations/${token}`, expiresAt },
      },
    ]);
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'staff_invitation.sent',
      entityType: 'staff_invitation',
      entityId: invitation.id,
      changes: { email: input.email, role: input.role, expiresAt },
      requestId,
    });
    return tx
      .selectFrom('staffInvitations as i')
      .leftJoin('users as u', 'u.id', 'i.invitedBy')
      .select(invitationColumns)
      .where('i.id', '=', invitation.id)
      .executeTakeFirstOrThrow();
  });
}

/** Invitations not accepted yet, lapsed ones included (the list says so), newest first. */
export function pendingInvitations(db: Db, orgId: string): Promise<InvitationView[]> {
  return db
    .selectFrom('staffInvitations as i')
    .leftJoin('users as u', 'u.id', 'i.invitedBy')
    .select(invitationColumns)
    .where('i.orgId', '=', orgId)
    .where('i.acceptedAt', 'is', null)
    .orderBy('i.createdAt', 'desc')
    .execute();
}

/** Withdraws an invitation not accepted yet: its link stops working at once. */
export async function revokeInvitation(
  db: Db,
  invitationId: string,
  staff: StaffMember,
  requestId: string,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const revoked = await tx
      .deleteFrom('staffInvitations')
      .where('id', '=', invitationId)
      .where('orgId', '=', staff.orgId)
      .where('acceptedAt', 'is', null)
      .returning(['id', 'email', 'role'])
      .executeTakeFirst();
    if (!revoked) throw new AppError('NOT_FOUND', 'This invitation was not found.');
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'staff_invitation.revoked',
      entityType: 'staff_invitation',
      entityId: revoked.id,
      changes: { email: revoked.email, role: revoked.role },
      requestId,
    });
  });
}
