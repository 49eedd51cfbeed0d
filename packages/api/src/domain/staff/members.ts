import type { Db } from '@tessera/db';
import { AppError } from '../../errors';
import type { StaffMember } from '../access/membership';
import { recordAudit } from '../audit/record';
import type { Tx } from '../shared/idempotency';
import type { ChangeRoleInput, MemberView } from './schemas';

export function orgMembers(db: Db, orgId: string): Promise<MemberView[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.userId', 'u.name', 'u.email', 'm.role', 'm.createdAt as since'])
    .where('m.orgId', '=', orgId)
    .orderBy('m.createdAt')
    .orderBy('u.email')
    .execute();
}

/**
 * The member to change, with the org row locked: role changes and removals of one org run
 * one at a time, so two owners demoting each other at once cannot leave the org ownerless.
 */
async function lockedMember(tx: Tx, orgId: string, userId: string) {
  await tx.selectFrom('orgs').select('id').where('id', '=', orgId).forUpdate().execute();
  const member = await tx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.userId', 'm.role', 'u.email'])
    .where('m.orgId', '=', orgId)
    .where('m.userId', '=', userId)
    .executeTakeFirst();
  if (!member) throw new AppError('NOT_FOUND', 'This member was not found.');
  return member;
}

/** An org never loses its last owner: someone must be able to manage its staff. */
async function keepAnOwner(tx: Tx, orgId: string, member: { role: string }) {
  if (member.role !== 'owner') return;
  const { owners } = await tx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('owners'))
    .where('orgId', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  if (Number(owners) <= 1)
    throw new AppError(
      'CONFLICT',
      'This is the only owner: make someone else an owner first, so the organisation keeps one.',
    );
}

export async function changeMemberRole(
  db: Db,
  input: ChangeRoleInput,
  staff: StaffMember,
  requestId: string,
): Promise<MemberView[]> {
  await db.transaction().execute(async (tx) => {
    const member = await lockedMember(tx, staff.orgId, input.userId);
    if (member.role === input.role) return;
    if (input.role !== 'owner') await keepAnOwner(tx, staff.orgId, member);
    await tx
      .updateTable('memberships')
      .set({ role: input.role })
      .where('orgId', '=', staff.orgId)
      .where('userId', '=', input.userId)
      .execute();
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'membership.role_changed',
      entityType: 'membership',
      entityId: input.userId,
      changes: { email: member.email, role: { from: member.role, to: input.role } },
      requestId,
    });
  });
  return orgMembers(db, staff.orgId);
}

/** Takes someone off the org's staff; their account stays (they may be a customer too). */
export async function removeMember(
  db: Db,
  userId: string,
  staff: StaffMember,
  requestId: string,
): Promise<MemberView[]> {
  await db.transaction().execute(async (tx) => {
    const member = await lockedMember(tx, staff.orgId, userId);
    await keepAnOwner(tx, staff.orgId, member);
    await tx
      .deleteFrom('memberships')
      .where('orgId', '=', staff.orgId)
      .where('userId', '=', userId)
      .execute();
    await recordAudit(tx, {
      orgId: staff.orgId,
      actor: staff.actor,
      action: 'membership.removed',
      entityType: 'membership',
      entityId: userId,
      changes: { email: member.email, role: member.role },
      requestId,
    });
  });
  return orgMembers(db, staff.orgId);
}
