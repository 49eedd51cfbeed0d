import type { Db } from '@tessera/db';
import type { Role } from './permissions';

export interface StaffMember {
  userId: string;
  orgId: string;
  role: Role;
  /** How the audit log names them. */
  email: string;
}

/**
 * The membership a staff request acts under: the requested org when given, else the
 * user's only (or oldest) membership. Platform superadmins act as owners in any org.
 */
export async function membershipFor(
  db: Db,
  userId: string,
  requestedOrgId: string | null,
): Promise<StaffMember | null> {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['memberships.orgId', 'memberships.role', 'users.email'])
    .where('memberships.userId', '=', userId)
    .orderBy('memberships.createdAt')
    .limit(1);
  if (requestedOrgId) query = query.where('memberships.orgId', '=', requestedOrgId);
  const membership = await query.executeTakeFirst();
  if (membership)
    return { userId, orgId: membership.orgId, role: membership.role, email: membership.email };

  if (!requestedOrgId) return null;
  const superadmin = await db
    .selectFrom('users')
    .innerJoin('orgs', (join) => join.on('orgs.id', '=', requestedOrgId))
    .select('users.email')
    .where('users.id', '=', userId)
    .where('users.superadmin', '=', true)
    .executeTakeFirst();
  return superadmin
    ? { userId, orgId: requestedOrgId, role: 'owner', email: `${superadmin.email} (platform)` }
    : null;
}

export async function staffOrgs(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('orgs', 'orgs.id', 'memberships.orgId')
    .select(['orgs.id', 'orgs.slug', 'orgs.name', 'memberships.role'])
    .where('memberships.userId', '=', userId)
    .orderBy('memberships.createdAt')
    .execute();
}
