import { hashPassword, verifyPassword, type Db } from '@tessera/db';
import { sql } from 'kysely';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record';
import type { Tx } from '../shared/idempotency';
import { hashInvitationToken } from './invitations';
import type {
  AcceptAsExistingUserInput,
  AcceptAsNewUserInput,
  AcceptedInvitation,
  InvitationPreview,
} from './schemas';

const spentOrUnknown = () =>
  new AppError(
    'NOT_FOUND',
    'This invitation has expired, was withdrawn or was already used. Ask the owner for a new one.',
  );

/** What an invitation link is for, while it still works: the accept page shows it. */
export async function invitationPreview(db: Db, token: string): Promise<InvitationPreview> {
  const invitation = await db
    .selectFrom('staffInvitations as i')
    .innerJoin('orgs', 'orgs.id', 'i.orgId')
    .select((eb) => [
      'orgs.name as orgName',
      'i.email',
      'i.role',
      'i.expiresAt',
      eb
        .exists(eb.selectFrom('users').select('users.id').whereRef('users.email', '=', 'i.email'))
        .as('hasAccount'),
    ])
    .where('i.tokenHash', '=', hashInvitationToken(token))
    .where('i.acceptedAt', 'is', null)
    .where('i.expiresAt', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!invitation) throw spentOrUnknown();
  return { ...invitation, hasAccount: Boolean(invitation.hasAccount) };
}

/**
 * Spends the link in the conditional UPDATE that checks it (open, not expired), so two uses
 * at once cannot both win; a refusal later in the transaction gives it back (rollback).
 */
async function spendInvitation(tx: Tx, token: string) {
  const invitation = await tx
    .updateTable('staffInvitations')
    .set({ acceptedAt: sql<Date>`now()` })
    .where('tokenHash', '=', hashInvitationToken(token))
    .where('acceptedAt', 'is', null)
    .where('expiresAt', '>', sql<Date>`now()`)
    .returning(['id', 'orgId', 'email', 'role'])
    .executeTakeFirst();
  if (!invitation) throw spentOrUnknown();
  return invitation;
}

async function joinOrg(
  tx: Tx,
  invitation: Awaited<ReturnType<typeof spendInvitation>>,
  user: { id: string; email: string },
  requestId: string,
): Promise<AcceptedInvitation> {
  // Already a member (added meanwhile): the role they have stays.
  await tx
    .insertInto('memberships')
    .values({ orgId: invitation.orgId, userId: user.id, role: invitation.role })
    .onConflict((oc) => oc.columns(['orgId', 'userId']).doNothing())
    .execute();
  await recordAudit(tx, {
    orgId: invitation.orgId,
    actor: { userId: user.id, apiKeyId: null, label: user.email },
    action: 'staff_invitation.accepted',
    entityType: 'staff_invitation',
    entityId: invitation.id,
    changes: { email: user.email, role: invitation.role },
    requestId,
  });
  const org = await tx
    .selectFrom('orgs')
    .select('name')
    .where('id', '=', invitation.orgId)
    .executeTakeFirstOrThrow();
  return { email: user.email, orgName: org.name };
}

/** The invited address has no account yet: it gets one (argon2id), and the role. */
export async function acceptAsNewUser(
  db: Db,
  input: AcceptAsNewUserInput,
  requestId: string,
): Promise<AcceptedInvitation> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const invitation = await spendInvitation(tx, input.token);
    const user = await tx
      .insertInto('users')
      .values({
        email: invitation.email,
        name: input.name,
        passwordHash,
        // The link reached this mailbox.
        emailVerifiedAt: sql<Date>`now()`,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning(['id', 'email'])
      .executeTakeFirst();
    if (!user)
      throw new AppError(
        'EMAIL_TAKEN',
        `${invitation.email} already has an account: sign in with its password to accept.`,
      );
    return joinOrg(tx, invitation, user, requestId);
  });
}

/** The invited address has an account: its password proves it is theirs. */
export async function acceptAsExistingUser(
  db: Db,
  input: AcceptAsExistingUserInput,
  requestId: string,
): Promise<AcceptedInvitation> {
  return db.transaction().execute(async (tx) => {
    const invitation = await spendInvitation(tx, input.token);
    const user = await tx
      .selectFrom('users')
      .select(['id', 'email', 'passwordHash'])
      .where('email', '=', invitation.email)
      .executeTakeFirst();
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.password)))
      throw new AppError('VALIDATION', `Wrong password for ${invitation.email}.`, {
        field: 'password',
      });
    return joinOrg(tx, invitation, user, requestId);
  });
}
