import type { Db } from '@tessera/db';
import type { AuditActor } from '../audit/record';
import { apiKeyStaffRole, type Role } from './permissions';

/** Who acts on a staff procedure: a member of the org, or the org's API key with admin scopes. */
export interface StaffMember {
  orgId: string;
  role: Role;
  /** Whom the audit log names for what they do. */
  actor: AuditActor;
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
    return {
      orgId: membership.orgId,
      role: membership.role,
      actor: { userId, apiKeyId: null, label: membership.email },
    };

  if (!requestedOrgId) return null;
  const superadmin = await db
    .selectFrom('users')
    .innerJoin('orgs', (join) => join.on('orgs.id', '=', requestedOrgId))
    .select('users.email')
    .where('users.id', '=', userId)
    .where('users.superadmin', '=', true)
    .executeTakeFirst();
  return superadmin
    ? {
        orgId: requestedOrgId,
        role: 'owner',
        actor: { userId, apiKeyId: null, label: `${superadmin.email} (platform)` },
      }
    : null;
}

/**
 * An API key acting on staff procedures, always in its own org (the `x-tessera-org` header
 * plays no part), or null when its scopes give no staff role.
 */
export function apiKeyStaffMember(key: {
  apiKeyId: string;
  orgId: string;
  scopes: readonly string[];
  label: string;
}): StaffMember | null {
  const role = apiKeyStaffRole(key.scopes);
  return role
    ? { orgId: key.orgId, role, actor: { userId: null, apiKeyId: key.apiKeyId, label: key.label } }
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
